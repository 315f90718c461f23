"""A package's small XML parts (workbook, relationships, content types, styles) as ElementTree
elements, written back with the namespace prefixes and declarations they came with.

ElementTree reads them well but writes its own prefixes (``ns0:``) and drops declarations no element
uses. Excel needs both kept: ``mc:Ignorable="x15 xr"`` names prefixes by their letters, so a renamed
or dropped ``xmlns:x15`` makes the file "unreadable content". So each element keeps the declarations
it had, and :meth:`XmlPart.text` writes every name with its original prefix (the big sheet XML never
comes here: it stays streamed as text).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from io import BytesIO

XML_NS = "http://www.w3.org/XML/1998/namespace"
#: What may stand before the root: a byte-order mark, the XML declaration, comments.
_PROLOG = re.compile(r"\ufeff?\s*(?:(?:<\?.*?\?>|<!--.*?-->)\s*)*", re.DOTALL)
ParseError = ET.ParseError


def _escape_text(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _escape_attr(value: str) -> str:
    """An attribute value for double quotes; line breaks and tabs as references, since a parser
    turns a literal one into a space."""
    return _escape_text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def split(name: str) -> tuple[str, str]:
    """``{uri}local`` → (uri, local); a name in no namespace → ("", name)."""
    if name.startswith("{"):
        uri, local = name[1:].split("}", 1)
        return uri, local
    return "", name


@dataclass
class XmlPart:
    """One parsed part: its root, what stood before the root (the XML declaration) as it was, and
    the namespace declarations of each element that had some, in their order."""

    root: ET.Element
    prolog: str = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    declared: dict[ET.Element, list[tuple[str, str]]] = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str) -> XmlPart:
        """Parse ``text``; raises :data:`ParseError` when it is not well-formed XML."""
        prolog_match = _PROLOG.match(text)
        prolog = prolog_match.group(0) if prolog_match else ""
        declared: dict[ET.Element, list[tuple[str, str]]] = {}
        pending: list[tuple[str, str]] = []
        root: ET.Element | None = None
        for event, item in ET.iterparse(BytesIO(text.encode("utf-8")), ("start-ns", "start")):
            if event == "start-ns":
                pending.append(item)
                continue
            if root is None:
                root = item
            if pending:
                declared[item], pending = pending, []
        if root is None:  # pragma: no cover - iterparse raises on an empty document first
            raise ParseError("no root element")
        return cls(root, prolog, declared)

    @classmethod
    def new(cls, tag: str, namespace: str) -> XmlPart:
        """A fresh part whose root ``tag`` is in ``namespace``, declared as the default one."""
        root = ET.Element(f"{{{namespace}}}{tag}")
        return cls(root, declared={root: [("", namespace)]})

    @property
    def namespace(self) -> str:
        """The root's namespace (transitional or strict OOXML, as the file has it)."""
        return split(self.root.tag)[0]

    def tag(self, local: str) -> str:
        """``local`` as a name in the root's namespace."""
        return f"{{{self.namespace}}}{local}" if self.namespace else local

    def declare(self, prefix: str, uri: str) -> None:
        """Declare ``uri`` on the root (as ``prefix``) unless some prefix of the root's has it."""
        if all(known != uri for _, known in self.declared.get(self.root, [])):
            self.declared.setdefault(self.root, []).append((prefix, uri))

    def text(self) -> str:
        """The part as text: the prolog as read, then the elements with their original prefixes."""
        out: list[str] = [self.prolog]
        self._write(self.root, {XML_NS: "xml"}, out)
        return "".join(out)

    def element_text(self, element: ET.Element) -> str:
        """One element as the part would write it (no declarations): what two items are compared
        by when styles are merged."""
        out: list[str] = []
        scope = {XML_NS: "xml", **{u: p for p, u in self.declared.get(self.root, [])}}
        self._write(element, scope, out, declare=False)
        return "".join(out)

    def _write(
        self, element: ET.Element, scope: dict[str, str], out: list[str], declare: bool = True
    ) -> None:
        own = self.declared.get(element, []) if declare else []
        scope = {**scope, **{uri: prefix for prefix, uri in own}}  # this element's and below
        extra: list[tuple[str, str]] = []
        name = self._name(element.tag, scope, extra, attribute=False)
        attributes = [
            f'{self._name(key, scope, extra, attribute=True)}="{_escape_attr(value)}"'
            for key, value in element.attrib.items()
        ]
        declarations = [
            f' xmlns="{_escape_attr(uri)}"'
            if not prefix
            else f' xmlns:{prefix}="{_escape_attr(uri)}"'
            for prefix, uri in [*own, *extra]
        ]
        out.append(f"<{name}{''.join(declarations)}")
        out.extend(f" {attribute}" for attribute in attributes)
        if element.text is None and len(element) == 0:
            out.append("/>")
        else:
            out.append(">")
            if element.text:
                out.append(_escape_text(element.text))
            for child in element:
                self._write(child, scope, out, declare)
            out.append(f"</{name}>")
        if element.tail:
            out.append(_escape_text(element.tail))

    @staticmethod
    def _name(
        qualified: str, scope: dict[str, str], extra: list[tuple[str, str]], *, attribute: bool
    ) -> str:
        uri, local = split(qualified)
        if not uri:
            return local
        prefix = scope.get(uri)
        if prefix is None or (attribute and prefix == ""):
            # a name whose namespace no element here declares (an item copied in from another
            # package): declared where it is used, under a prefix not taken in this scope
            taken = {*scope.values(), *(p for p, _ in extra)}
            prefix = next(p for n in range(1, 1000) if (p := f"ns{n}") not in taken)
            extra.append((prefix, uri))
            scope[uri] = prefix
        return f"{prefix}:{local}" if prefix else local
