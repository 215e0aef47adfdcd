# IOP Finder. A newcomer needs two commands: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
RASA      := $(VENV)/bin/rasa
DB        ?= var/directory.sqlite
DEMO_SIZE ?= 25000
SPACY     := bot/nlu/spacy_model/meta.json
MODEL     := models/iop-finder.tar.gz
WEB       := bot/web/node_modules/.installed
RASA_SOURCES := config.yml $(wildcard domain/*.yml) $(wildcard data/*/*.yml) $(wildcard bot/nlu/*.py) $(wildcard bot/*_policy.py)
# Python 3.10 is required (Rasa 3.6 supports nothing newer): the first python3.10 found.
PYTHON310 ?= $(shell command -v python3.10 2>/dev/null || ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.10*/bin/python3.10 2>/dev/null | tail -n 1)

.PHONY: help install run chat test lint demo-directory spacy-pipeline validate train web bench clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): requirements.txt constraints.txt
	@if [ -z "$(PYTHON310)" ]; then \
	  echo "error: Python 3.10 is required (Rasa 3.6 supports nothing newer). Install it, e.g. 'pyenv install 3.10', or set PYTHON310=/path/to/python3.10." >&2; exit 1; fi
	@$(PYTHON310) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' || \
	  { echo "error: $(PYTHON310) is not Python 3.10 (Rasa 3.6 supports nothing newer)." >&2; exit 1; }
	@[ -x $(PY) ] && $(PY) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null || \
	  { rm -rf $(VENV); $(PYTHON310) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip 'setuptools<71' wheel
	$(PY) -m pip install --quiet -r requirements.txt -c constraints.txt
	@touch $@

install: $(STAMP) ## Create .venv (Python 3.10) and install the pinned dependencies

$(DB): $(STAMP)
	@mkdir -p $(dir $(DB))
	$(PY) -m directory demo --size $(DEMO_SIZE) --db $(DB)

demo-directory: $(DB) ## Build the demo directory (fictional programmes) if it is not there

$(SPACY): $(STAMP) bot/nlu/lexicon.py bot/nlu/build_pipeline.py
	$(PY) -m bot.nlu.build_pipeline

spacy-pipeline: $(SPACY) ## Build the project's own spaCy pipeline (no download)

validate: $(SPACY) ## Check the Rasa domain and training data (rasa data validate)
	$(RASA) data validate --domain domain --fail-on-warnings

$(MODEL): $(SPACY) $(RASA_SOURCES)
	$(RASA) train --domain domain --fixed-model-name iop-finder --out models

train: $(MODEL) ## Train the Rasa model if its sources changed

# The website widget: rasa-webchat 1.0.1 exactly, as package-lock.json pins it; served locally by bot/pages.py.
$(WEB): bot/web/package.json bot/web/package-lock.json
	@command -v npm >/dev/null || { echo "error: npm is required for the website widget (e.g. apt-get install npm)." >&2; exit 1; }
	cd bot/web && npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

web: $(WEB) ## Install the website chat widget (npm ci in bot/web)

run: $(DB) $(MODEL) $(WEB) ## Set everything up and start the assistant (Rasa on 5005, actions on 5055, demo page on 8080)
	$(PY) -m bot.launcher --db $(DB) --model $(MODEL)

chat: $(STAMP) ## Talk to the running assistant in the terminal (after make run)
	$(PY) -m bot.chat

test: validate $(MODEL) $(WEB) ## Install what is missing and run every test
	$(PY) -m ruff check .
	$(RASA) test core --stories tests --model $(MODEL) --fail-on-prediction-errors --out tests/artifacts/core
	$(PY) -m pytest

lint: $(STAMP) ## ruff
	$(PY) -m ruff check .

bench: $(MODEL) ## Run the benchmarks and print their figures
	$(PY) -m bench.directory_search
	$(PY) -m bench.action_validation
	$(PY) -m bench.turn_latency --train
	$(PY) -m bench.long_conversation
	$(PY) -m bench.nlu_cross_validation
	$(PY) -m bench.crisis_detection --cv --live
	$(PY) -m bench.conversations

clean: ## Remove built databases, models and caches (keeps .venv)
	rm -rf var models .rasa .pytest_cache .ruff_cache tests/artifacts
