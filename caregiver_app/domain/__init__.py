"""Plain dataclasses, enums, validation and scales. Standard library only; imports nothing of ours."""
