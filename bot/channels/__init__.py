"""Rasa input and output channels of our own: SMS through Twilio.

``sms_text`` holds the SMS rules as pure functions (no Rasa import), ``twilio_sms`` the Rasa channel
that applies them, ``credentials`` how the channel is switched on from the environment.
``helpline`` is the helpline console for staff (its page, rules and summary live in ``bot.console``).
"""
