"""PSA descriptions of set AI as four staff members type them, plus notes about the month."""

from __future__ import annotations

from .catalog import BY_KEY

HABITS = [
    "staff_habit_abbreviates",  # "M365 BP", "S1 Cmpl", "EXO P1"
    "staff_habit_vendor_name_sku",  # "Microsoft 365 Business Premium - CFQ7TTC0LCHC:0002"
    "staff_habit_bundle_names",  # "Workplace Premium", "Endpoint Guard", "Mail Shield Lite"
    "staff_habit_bare_plan_word",  # "Premium", "E3", "Plan 2", "Complete"
]
UNIT_WORDS = {
    "user": [" per user/mth", " - per user", " (per seat)"],
    "device": [" per device", " - per endpoint / month", " (per machine)"],
    "GB": [" per GB", " - GB/month", " (per GB stored)"],
}
STRUCTURAL_MARKERS = {"wants_new_starters_note"}


def _bare_ok(p, held):
    b = p.bare.lower()
    for k in held:
        if k == p.key:
            continue
        o = BY_KEY[k].bare.lower()
        if b in o or o in b:
            return False
    return True


def _habit_text(rng, p, habit, held):
    if habit == "staff_habit_abbreviates":
        return p.abbrev + rng.choice(["", "", " lic", " x user"]), True
    if habit == "staff_habit_vendor_name_sku":
        if rng.random() < 0.5:
            return f"{p.name} - {p.sku}", True
        return f"{p.sku} {p.name}", True
    if habit == "staff_habit_bundle_names":
        if p.bundle:
            return p.bundle, True
        return p.name, False
    if _bare_ok(p, held):
        return p.bare, True
    return p.name, False


def render_desc(rng, line, client, held, perturb, pcaps):
    classes = [c for c in line.classes if c not in STRUCTURAL_MARKERS]
    wants_starters = "wants_new_starters_note" in line.classes
    # draw the same random numbers whatever the mode
    other = rng.random() < 0.2
    habit_ix = rng.randrange(4) if other else client["clerk"]
    unit_roll = rng.random()
    unit_pick = rng.randrange(3)
    if line.role == "service" or line.product is None:
        line.classes = classes
        return
    p = BY_KEY[line.product]
    if not perturb:
        line.text = p.name
        line.classes = classes
        return
    habit = HABITS[habit_ix]
    text, used = _habit_text(rng, p, habit, held)
    if used:
        classes.append(habit)
    if unit_roll < 0.15:
        text += UNIT_WORDS[p.unit][unit_pick]
        classes.append("unit_basis_words_added")
    old = getattr(line, "note_old", None)
    if old:
        o = BY_KEY[old]
        text += f" - was {o.bare if o.maker == 'Microsoft' else o.abbrev} until {line.note_day}/11"
        classes.append("note_was_old_plan_until")
    elif wants_starters and getattr(line, "added", 0):
        text += f" incl. {line.added} new starter{'s' if line.added > 1 else ''}"
        classes.append("note_incl_new_starters")
    line.text = text
    line.classes = classes
