"""MS-OVBA 2.4.1 compression, written from the specification.

ms-ovba builds the vbaProject.bin container well, but its compressor (ms-ovba-compression 1.0.1)
emits wrong copy tokens once a stream repeats itself (module names in the ``dir`` stream came back
as "She6t5"). The template build swaps this compressor in; tests round-trip it through oletools'
independent decompressor.
"""

from __future__ import annotations

import math

CHUNK = 4096


def _copy_token_help(difference: int) -> tuple[int, int]:
    """(bit_count, maximum_length) for a position ``difference`` bytes into the chunk (2.4.1.3.19.1)."""
    bit_count = max(math.ceil(math.log2(difference)), 4) if difference > 1 else 4
    length_mask = 0xFFFF >> bit_count
    return bit_count, length_mask + 3


def _compress_chunk(chunk: bytes) -> bytes:
    out = bytearray()
    position = 0
    size = len(chunk)
    while position < size:
        flags = 0
        tokens = bytearray()
        for index in range(8):
            if position >= size:
                break
            bit_count, maximum = _copy_token_help(position)
            best_length, best_offset = 0, 0
            length = 3
            while length <= maximum and position + length <= size and position > 0:
                found = chunk.rfind(chunk[position : position + length], 0, position + length - 1)
                if found < 0 or found >= position:
                    break
                best_length, best_offset = length, position - found
                length += 1
            if best_length >= 3:
                token = ((best_offset - 1) << (16 - bit_count)) | (best_length - 3)
                tokens += token.to_bytes(2, "little")
                flags |= 1 << index
                position += best_length
            else:
                tokens.append(chunk[position])
                position += 1
        out.append(flags)
        out += tokens
    return bytes(out)


def compress(data: bytes) -> bytes:
    """A CompressedContainer: signature byte 0x01, then one chunk per 4096 bytes of input."""
    out = bytearray(b"\x01")
    for start in range(0, len(data), CHUNK):
        chunk = data[start : start + CHUNK]
        packed = _compress_chunk(chunk)
        if len(packed) >= CHUNK and len(chunk) == CHUNK:
            out += (0x3000 | (CHUNK + 2 - 3)).to_bytes(2, "little")  # raw (uncompressed) chunk
            out += chunk
        else:
            out += (0xB000 | (len(packed) + 2 - 3)).to_bytes(2, "little")
            out += packed
    return bytes(out)
