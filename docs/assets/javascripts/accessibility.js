// Accessibility fixes to what the theme builds in the browser (names for its dialogs).
