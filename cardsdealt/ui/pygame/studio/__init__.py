"""The deck studio's window scenes (issue 18)."""
