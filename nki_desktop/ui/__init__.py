"""The window: pages, table models, charts, dialogs. Only ui/ and reports/ import Qt."""
