"""Plain dataclasses, enums, validation and scales. Standard library only (phone numbers
also use ``phonenumbers`` and Babel, in ``phone_numbers``); imports nothing of ours."""
