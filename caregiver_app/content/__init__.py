"""Warning-sign pages (Markdown with front matter) shipped as package data."""
