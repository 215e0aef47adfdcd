"""What connects the assistant to the world: channels, pages, the spaCy pipeline, the launcher."""
