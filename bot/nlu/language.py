"""Which language to answer a crisis message in: Spanish or English (pure).

The assistant's dialogue is English, but a crisis message in Spanish gets its crisis reply in
Spanish at once. A message is Spanish when it has more distinctly Spanish words than distinctly
English ones (and at least one): short function words and the common words of a crisis message.
Words both languages write the same ("no", "me", "a", "mi" ...) count for neither. Accents are
not needed: both the lists and the message are read through `bot.nlu.text.normalise`, which drops
them, as people often do.
"""

from __future__ import annotations

import re

from bot.nlu.text import normalise


def _word_set(words: str) -> frozenset[str]:
    """A set of words written as one whitespace-separated string."""
    return frozenset(words.split())


SPANISH = _word_set("""
    que qué quiero quiere quieres queria quería quisiera estoy esta está estan están estas estás estaba esto ese esa
    eso soy es son era fue ser estar tengo tiene tienes tenia tenía tomo tomó tome tomé tomar toma
    yo tu tú el él ella ellos ellas usted nosotros mí mio mía mis sus su nuestro nuestra
    del al la las los lo le les una uno unos unas un y o pero porque pq xq por para con sin sobre como cómo cuando
    donde dónde muy mas más ya ahora aqui aquí alli allí hoy ayer anoche mañana manana noche dia día dias días
    hijo hija hijos esposo esposa marido mujer novio novia mama mamá papa papá hermano hermana abuela abuelo
    amigo amiga bebe bebé niño nino niña nina familia casa vida muerte muerto muerta morir morirme muero
    matar matarme mato mata suicidio suicidarme suicidar ayuda ayudame ayúdame auxilio favor necesito
    puedo puede respira respirar despierta despertar pastillas pastilla sangre pecho dolor golpea golpeó pegando
    pega miedo peligro cortarme corto cortando lastimarme hacerme daño dano sobredosis convulsion convulsión
    convulsiones temblando tomando bebiendo alcohol droga drogas busco buscando programa tratamiento seguro
    gracias hola bueno buena bien mal nada nadie todo todos siempre nunca tambien también solo sola asi así
    hace hacer hago dijo dice digo voy va vamos ir se sé creo cosa cosas algo alguien otra otro
""")
ENGLISH = _word_set("""
    i i'm im my me myself you your he she his her him they them their we our it its is am are was were be been
    the an and or but because if of to for with without in on at from about what how when where why who
    want wanna going gonna took take took have has had do does did don't dont can can't cant will would
    just now today tonight yesterday please help need know think feel like not never nothing anyone someone
    son daughter wife husband mom dad friend brother sister kid baby life die dead kill hurt pills breathe
""")
_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


_SPANISH_PLAIN = frozenset(normalise(word).lower() for word in SPANISH)
_ENGLISH_PLAIN = frozenset(normalise(word).lower() for word in ENGLISH)


def reply_language(text: str | None) -> str:
    """"es" for a message written in Spanish, else "en"."""
    words = _WORDS.findall(normalise(text or "").lower())
    spanish = sum(word in _SPANISH_PLAIN and word not in _ENGLISH_PLAIN for word in words)
    english = sum(word in _ENGLISH_PLAIN and word not in _SPANISH_PLAIN for word in words)
    return "es" if spanish > english else "en"
