"""Messages about numbers as written in values files (English)."""

MESSAGES: dict[str, str] = {
    "numbers.notation-id": "Indonesian notation (decimal comma, `.` for thousands, e.g. `1.234,5`)",
    "numbers.notation-en": "English notation (decimal point, `,` for thousands, e.g. `1,234.5`)",
    "numbers.short-id": "Indonesian notation",
    "numbers.short-en": "English notation",
    "numbers.empty": "empty value",
    "numbers.too-large": "`{text}` is too large",
    "numbers.excel-error": "Excel error value `{text}`: fix the formula in the workbook or leave the cell empty",
    "numbers.logical": "`{text}` is a logical value, not a number; type the number (1 or 0 for yes/no)",
    "numbers.non-ascii-digit": "`{text}` has the digit `{digit}` ({code}), which is not one of 0–9: type the number with the digits 0–9",
    "numbers.other-notation": "`{text}` is not a number in {notation}; it reads as a number in {other}: write it as `{written}` or use --angka {angka}",
    "numbers.percent": "`{text}` is not a number in {notation}; write the number without `%`",
    "numbers.bad-grouping": "`{text}` has a space that does not group thousands by three digits (as in `12 500`): remove the space or group the digits by three",
    "numbers.not-a-number": "`{text}` is not a number in {notation}",
    "numbers.percent-any": "`{text}` is not a number; write the number without `%`",
    "numbers.not-a-number-any": "`{text}` is not a number",
    "numbers.nul": "the cell holds a NUL character (byte 0), which no spreadsheet writes in text: the file is damaged or not a CSV file; save it again as CSV",
}
