"""khabar_pipe.py - running `khabar tokenize` from the model builders.

khabar_tokens() streams the tokens of files, or of byte chunks fed through
standard input by a thread, as `khabar tokenize --format text` gives them:
one list of fields (form, norm, kind, start, end) per token, and, when
asked, an empty list at each sentence end. Python 3 standard library only.
"""

import subprocess
import threading


def _feed(stream, chunks):
    try:
        for chunk in chunks:
            stream.write(chunk)
    except BrokenPipeError:
        pass
    finally:
        try:
            stream.close()
        except BrokenPipeError:
            pass


def khabar_tokens(khabar, files=None, feed=None, sentence_ends=False):
    """Yields the split lines of `khabar tokenize --format text` on the
    files, or on the bytes chunks of feed given through standard input; with
    sentence_ends, an empty list for each empty line (a sentence end).
    Raises SystemExit when khabar fails."""
    cmd = [khabar, "tokenize", "--format", "text", "--no-progress"]
    cmd += list(files) if files else ["-"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE if feed else
                            subprocess.DEVNULL, stdout=subprocess.PIPE,
                            bufsize=1 << 20)
    writer = None
    if feed is not None:
        writer = threading.Thread(target=_feed, args=(proc.stdin, feed))
        writer.start()
    try:
        for line in proc.stdout:
            if len(line) > 1:
                yield line.rstrip(b"\n").split(b"\t")
            elif sentence_ends:
                yield []
    finally:
        proc.stdout.close()
        if writer:
            writer.join()
        rc = proc.wait()
    if rc != 0:
        raise SystemExit("%s tokenize exited with status %d" % (khabar, rc))
