"""Placeholder until the real-browser suite lands: the built site's home page exists."""
from pathlib import Path

def test_home_page_built():
    home = Path(__file__).resolve().parents[2] / "output" / "index.html"
    assert home.is_file()
    assert "<html lang=" in home.read_text(encoding="utf-8")
