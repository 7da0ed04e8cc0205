# The course's commands. Everything runs inside a local virtual environment (.venv),
# so nothing is installed into the system Python.
#   make lab              set up, then open the course in JupyterLab (COURSE_LANG=en|tr)
#   make test             set up, then run lint + every test + every notebook (smoke profile)
#                         (each chapter runs once per language as its solution and once as its
#                         blank exercise; tests/test_lessons.py proves the lesson holds the
#                         solution's code, so the lesson is not run a third time)
#   make test-gpu         on a CUDA machine: the Triton kernels compiled, and the GPU tests
#   make notebooks        rebuild notebooks/, exercises/, solutions/ from course/
#   make course           run every lesson of one language in the chosen COURSE_PROFILE

VENV        ?= .venv
PYTHON      ?= python3
PY          := $(VENV)/bin/python
PIP         := $(PY) -m pip
COURSE_LANG ?= en
# Test selection; .ci/run's own tests override it to run a tiny suite. The notebooks are run
# by tests/test_exercises.py and tests/test_lessons.py, which find every chapter themselves.
TESTS       ?= tests
WORKERS     ?= 2
STAMP       := $(VENV)/.installed

.PHONY: setup lab course test test-gpu lint notebooks clean

setup: $(STAMP)

# The venv is rebuilt only when the package's requirements change.
$(STAMP): pyproject.toml tools/install_torch.sh
	$(PYTHON) -m venv $(VENV)
	bash tools/install_torch.sh $(PY)
	$(PIP) install --quiet -e ".[dev]"
	touch $(STAMP)

# tools/lab.py adds --allow-root where needed and turns JupyterLab's news pop-up off.
lab: setup
	$(PY) -m tools.lab --lang $(COURSE_LANG)

course: setup
	$(PY) -m tools.run_course --lang $(COURSE_LANG)

notebooks: setup
	$(PY) -m tools.build_notebooks

lint: setup
	$(VENV)/bin/ruff check .

# Each notebook is one test (a whole kernel run), so the tests spread freely over the workers, and
# an idle worker takes queued tests from a busy one (worksteal): with "load" one worker could sit
# idle while the other worked through a queue of notebooks;
# -rs prints why a test skipped (no ../shared/data, no Chromium, no GPU); --durations the slowest
# tests, i.e. what each chapter costs the suite. tests/conftest.py shares the cores out: each worker,
# and each notebook kernel it starts, gets cores / WORKERS OpenMP threads (with every process taking
# all the cores, the suite ran three times slower on 2 cores).
test: setup lint
	COURSE_PROFILE=smoke $(PY) -m pytest -n $(WORKERS) --dist worksteal -rs --durations=30 $(TESTS)

# The kernel suites (marker "triton") with compiled kernels, and the tests marked "gpu". Without a
# GPU it stops: TRITON_INTERPRET=0 there would leave nothing to run the kernels on.
test-gpu: setup
	$(PY) -c "import sys, torch; sys.exit(0 if torch.cuda.is_available() else 'make test-gpu needs a CUDA GPU')"
	TRITON_INTERPRET=0 COURSE_PROFILE=smoke $(PY) -m pytest -m "triton or gpu" tests

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache

# Chapter 10's comparison (cpu profile; finished runs are cached) written to results/ as CSV and
# Markdown, and the chapter-10 tables of README.md and README.tr.md regenerated from it.
.PHONY: results
results: setup
	$(PY) -m tools.results
