"""Real-text loaders: local files, the shared corpora's formats, cached checked downloads."""

from __future__ import annotations

import hashlib
import http.server
import threading
from collections import Counter
from functools import partial

import pytest

from course_lib.data.corpora import TopicExample, TranslationPair, read_sib200, read_tatoeba
from course_lib.data.download import download, file_sha256
from course_lib.data.files import load_text
from course_lib.data.hf_datasets import load_hf_dataset
from course_lib.i18n import CourseFileError, CourseRuntimeError, CourseValueError

# Facts about the real files (sizes, line counts, checksums), as their providers published them.
SHA256 = {
    "tinyshakespeare.txt": "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed",
    "trwiki_sample.txt": "1f5711b5cb585e5da41e217e6ed4bfa02a805b00b8e8d8872ab2970a2ec43803",
    "tatoeba_eng_tur.tsv": "87160bc1e5766c0c539ede98c4f3bc340b7f6c1d955bf06e1aa566609bf957af",
    "sib200_tr_en.tsv": "4a6a4e60165c54865daf91ba41bca4bd07b61198996e8bdf43f05fc21d4ee259",
}
SIB200_FULL_COUNTS = {  # over all 1,004 source rows; this copy holds the 800 train + dev rows
    "science/technology": 252,
    "travel": 198,
    "politics": 146,
    "sports": 122,
    "health": 110,
    "entertainment": 93,
    "geography": 83,
}


# ----------------------------------------------------------------------------------- load_text
@pytest.mark.parametrize(
    ("name", "n_chars", "n_lines"),
    [("trwiki_sample.txt", 757_607, 1_535), ("tinyshakespeare.txt", 1_115_394, 40_000)],
)
def test_load_text_real_files(shared_data, name, n_chars, n_lines):
    path = shared_data / name
    assert file_sha256(path) == SHA256[name]
    text = load_text(path)
    assert len(text) == n_chars
    assert text.count("\n") == n_lines
    if name == "trwiki_sample.txt":
        assert text.startswith("= Cengiz Han =\n\nCengiz Han (") and "Türkiye" in text


def test_load_text_missing_file_names_it(tmp_path):
    with pytest.raises(CourseFileError) as error:
        load_text(tmp_path / "yok.txt")
    assert "yok.txt" in error.value.en and "yok.txt" in error.value.tr
    assert isinstance(error.value, FileNotFoundError | OSError)


def test_load_text_folder_and_empty_file(tmp_path):
    with pytest.raises(CourseFileError):
        load_text(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CourseFileError) as error:
        load_text(tmp_path / "empty.txt")
    assert "empty" in error.value.en and "boş" in error.value.tr


def test_load_text_non_utf8_names_offset_and_line(tmp_path):
    path = tmp_path / "latin5.txt"
    data = "satır bir\nİkinci satır\n".encode("iso-8859-9")  # Turkish Latin-5, not UTF-8
    path.write_bytes(data)
    with pytest.raises(CourseFileError) as error:
        load_text(path)
    first_bad = data.index("ı".encode("iso-8859-9"))
    assert f"byte {first_bad} (line 1)" in error.value.en and "0xfd" in error.value.en
    assert f"{first_bad}. bayt (1. satır)" in error.value.tr


def test_load_text_keeps_line_endings_and_drops_bom(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes("\ufeffçay\r\nşeker\r\n".encode())
    assert load_text(path) == "çay\r\nşeker\r\n"


# ------------------------------------------------------------------------------------- readers
def test_read_tatoeba(shared_data):
    pairs = read_tatoeba(shared_data / "tatoeba_eng_tur.tsv")
    assert len(pairs) == 37_098
    assert pairs[0] == TranslationPair("Hi.", "Merhaba.", "en", "tr")
    assert (pairs[0].en, pairs[0].tr) == ("Hi.", "Merhaba.")
    assert TranslationPair("Can we trust her?", "Ona güvenebilir miyiz?", "en", "tr") in pairs
    assert all(pair.en and pair.tr for pair in pairs)


def test_read_sib200(shared_data):
    path = shared_data / "sib200_tr_en.tsv"
    examples = read_sib200(path)
    assert len(examples) == 800
    assert Counter(e.split for e in examples) == {"train": 701, "dev": 99}
    counts = Counter(e.category for e in examples)
    assert set(counts) == set(SIB200_FULL_COUNTS)
    assert all(counts[label] <= SIB200_FULL_COUNTS[label] for label in counts)
    assert len({e.index_id for e in examples}) == 800
    first = examples[0]
    assert isinstance(first, TopicExample) and isinstance(first.index_id, int)
    geography = next(e for e in examples if e.index_id == 431)
    assert geography.category == "geography" and geography.text_tr.startswith("Türkiye'nin üç tarafı")
    assert len(read_sib200(path, split="dev")) == 99


def test_readers_name_the_bad_line(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("Hi.\tMerhaba.\nno tab here\n", encoding="utf-8")
    with pytest.raises(CourseFileError) as error:
        read_tatoeba(path)
    assert "line 2" in error.value.en and "2. satır" in error.value.tr
    sib = tmp_path / "sib.tsv"
    sib.write_text("a\tb\tc\n", encoding="utf-8")
    with pytest.raises(CourseFileError):
        read_sib200(sib)
    sib.write_text("split\tindex_id\tcategory\ttext_tr\ttext_en\ntrain\tx\ttravel\tt\te\n", encoding="utf-8")
    with pytest.raises(CourseFileError) as error:
        read_sib200(sib)
    assert "index_id" in error.value.en


# ------------------------------------------------------------------------------------ download
class _CountingHandler(http.server.SimpleHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):
        type(self).requests.append(self.path)
        super().do_GET()

    def log_message(self, *args):  # keep pytest output quiet
        pass


@pytest.fixture
def local_server(tmp_path):
    """An HTTP server on 127.0.0.1 serving ``tmp_path / "www"``; it is shut down after the test,
    and a timer stops it after 60 s even if the test hangs."""
    root = tmp_path / "www"
    root.mkdir()
    _CountingHandler.requests = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_CountingHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    watchdog = threading.Timer(60, server.shutdown)
    watchdog.daemon = True
    watchdog.start()
    try:
        yield root, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        watchdog.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_download_checks_and_caches(local_server, tmp_path):
    root, base = local_server
    data = "Merhaba dünya\n".encode() * 1000
    (root / "hello.txt").write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    cache = tmp_path / "cache"

    path = download(f"{base}/hello.txt", sha, cache_dir=cache)
    assert path.read_bytes() == data and path.parent == cache
    assert _CountingHandler.requests == ["/hello.txt"]

    assert path.name.endswith("-hello.txt")
    again = download(f"{base}/hello.txt", sha.upper(), cache_dir=cache)
    assert again == path
    assert _CountingHandler.requests == ["/hello.txt"], "a cache hit must not touch the network"
    assert sorted(p.name for p in cache.iterdir()) == [path.name]

    with_query = download(f"{base}/hello.txt?raw=1#top", sha, cache_dir=tmp_path / "other")
    assert with_query.name == path.name and with_query.read_bytes() == data


def test_download_checksum_mismatch_keeps_nothing(local_server, tmp_path):
    root, base = local_server
    (root / "changed.txt").write_bytes(b"not what you expected")
    cache = tmp_path / "cache"
    wrong = "0" * 64
    with pytest.raises(CourseValueError) as error:
        download(f"{base}/changed.txt", wrong, cache_dir=cache)
    assert wrong in error.value.en and hashlib.sha256(b"not what you expected").hexdigest() in error.value.en
    assert list(cache.iterdir()) == [], "neither the bad file nor a temporary file may stay"


def test_download_replaces_a_corrupted_cached_copy(local_server, tmp_path):
    root, base = local_server
    data = b"good data"
    (root / "file.bin").write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    cache = tmp_path / "cache"
    path = download(f"{base}/file.bin", sha, cache_dir=cache)
    path.write_bytes(b"bit rot")
    assert download(f"{base}/file.bin", sha, cache_dir=cache).read_bytes() == data
    assert len(_CountingHandler.requests) == 2


def test_download_errors(local_server, tmp_path):
    _, base = local_server
    with pytest.raises(CourseFileError) as error:
        download(f"{base}/missing.txt", "a" * 64, cache_dir=tmp_path / "cache")
    assert "404" in error.value.en
    assert list((tmp_path / "cache").iterdir()) == []
    with pytest.raises(CourseValueError):
        download(f"{base}/x.txt", "not-a-checksum", cache_dir=tmp_path / "cache")


def test_load_hf_dataset_without_datasets_says_how_to_install():
    try:
        import datasets  # noqa: F401
    except ImportError:
        with pytest.raises(CourseRuntimeError) as error:
            load_hf_dataset("Davlan/sib200", "train", config="tur_Latn")
        assert "pip install datasets" in error.value.en and "pip install datasets" in error.value.tr
    else:
        pytest.skip("datasets is installed here; loading a dataset would need the network")
