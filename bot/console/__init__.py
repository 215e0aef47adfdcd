"""The helpline console: a staff page over the assistant (``bot.channels.helpline`` serves it).

``auth`` holds the login and session rules, ``summary`` the caller summary and handoff note (both
pure), ``static/`` the page.
"""
