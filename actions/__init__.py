"""IOP Finder's custom actions: thin rasa_sdk actions over pure rule modules (see docs/conversation.md)."""
