"""Education pages (Markdown with front matter) shipped as package data."""
