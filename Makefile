# dateline: `make demo` sets up .venv and runs the sample corpus; `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= dateline.db
SHARED ?= ../shared

.PHONY: demo test install bench eval eval-timex eval-events eval-actors clean

$(BIN)/dateline: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

install: $(BIN)/dateline

demo: $(BIN)/dateline
	$(BIN)/dateline demo --db $(DB)

$(VENV)/.test-deps: $(BIN)/dateline
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: $(VENV)/.test-deps
	$(BIN)/python bench/throughput.py

eval: eval-timex eval-events eval-actors

eval-timex: $(BIN)/dateline
	$(BIN)/python bench/eval_timex.py --shared $(SHARED)

eval-events: $(BIN)/dateline
	$(BIN)/python bench/eval_events.py --shared $(SHARED)

eval-actors: $(BIN)/dateline
	$(BIN)/python bench/eval_actors.py --shared $(SHARED)

clean:
	rm -rf $(VENV) *.egg-info $(DB) $(DB)-wal $(DB)-shm
