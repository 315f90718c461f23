"""Month over month: this month's findings and prices read against last month's archive."""
