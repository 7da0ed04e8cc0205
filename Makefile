# The course's commands. Everything runs inside a local virtual environment (.venv),
# so nothing is installed into the system Python.
#   make lab              set up, then open the course in JupyterLab (COURSE_LANG=en|tr)
#   make test             set up, then run lint + every test + every notebook (smoke profile)
#   make test-gpu         on a CUDA machine: the Triton kernels compiled, and the GPU tests
#   make notebooks        rebuild notebooks/, exercises/, solutions/ from course/
#   make course           run every lesson of one language in the chosen COURSE_PROFILE

VENV        ?= .venv
PYTHON      ?= python3
PY          := $(VENV)/bin/python
PIP         := $(PY) -m pip
COURSE_LANG ?= en
# Test selection; .ci/run's own tests override it to run a tiny suite.
TESTS       ?= tests notebooks/en notebooks/tr
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

# Jupyter refuses to run as root unless told; containers often run as root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

lab: setup
	$(VENV)/bin/jupyter lab $(ALLOW_ROOT) --notebook-dir=. notebooks/$(COURSE_LANG)/00_introduction.ipynb

course: setup
	$(PY) -m tools.run_course --lang $(COURSE_LANG)

notebooks: setup
	$(PY) -m tools.build_notebooks

lint: setup
	$(VENV)/bin/ruff check .

# --dist loadfile: the cells of one notebook share a kernel, so they must stay on one worker.
test: setup lint
	COURSE_PROFILE=smoke $(PY) -m pytest -n $(WORKERS) --dist loadfile --nbval-lax $(TESTS)

# The kernel suites (marker "triton") with compiled kernels, and the tests marked "gpu". Without a
# GPU it stops: TRITON_INTERPRET=0 there would leave nothing to run the kernels on.
test-gpu: setup
	$(PY) -c "import sys, torch; sys.exit(0 if torch.cuda.is_available() else 'make test-gpu needs a CUDA GPU')"
	TRITON_INTERPRET=0 COURSE_PROFILE=smoke $(PY) -m pytest -m "triton or gpu" tests

clean:
	rm -rf $(VENV) build .pytest_cache .ruff_cache
