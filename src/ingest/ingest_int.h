/* kabar ingest, internal: the byte stream (plain or gzip, multi-member),
 * the folder walker, the container readers (WARC, JSONL) and the reader
 * state they share. Only src/ingest/ includes this header. */
#ifndef KABAR_INGEST_INT_H
#define KABAR_INGEST_INT_H

#include <stdint.h>
#include <sys/types.h>
#include <zlib.h>

#include "kabar/core.h"
#include "kabar/ingest.h"

/* A page (file, record body, JSONL line) bigger than this is refused with
 * KB_ELIMIT; it is also the cap on what the reader holds in memory. */
#define KB_INGEST_MAX_PAGE ((size_t)64 << 20)

/* ---- byte stream: a file descriptor, gunzipped when it starts with the
 * gzip magic (each member in turn: WARC files gzip every record alone). */
typedef struct kb_in {
  int fd;             /* -1 when closed */
  int own_fd;         /* close fd in kb_in_close */
  int gz;             /* 1 when the input is gzip */
  int z_live;         /* zs initialised */
  int z_resync;       /* looking for the next gzip member after an error */
  int raw_eof;        /* read() returned 0 */
  int err;            /* 1 after a read or gzip error, until kb_in_recover */
  char errmsg[128];   /* words for err */
  z_stream zs;        /* inflater when gz */
  unsigned char *raw; /* compressed input window (gz only) */
  size_t raw_len;     /* bytes valid in raw */
  size_t raw_pos;     /* next byte of raw to inflate */
  unsigned char *buf; /* decoded window */
  size_t start, end;  /* unread bytes are buf[start..end) */
  size_t cap;         /* bytes allocated for buf */
  uint64_t pos;       /* decoded offset of buf[start] */
  uint64_t gz_errors; /* gzip errors seen (each one was resynchronised) */
} kb_in;

kb_status kb_in_open_fd(kb_in *in, int fd, int own_fd);
void kb_in_close(kb_in *in);
/* Makes at least want bytes available if the stream has them (want is at
 * most half the window); returns the bytes available (fewer at the end). */
size_t kb_in_peek(kb_in *in, size_t want, const unsigned char **p);
/* Appends one line (through '\n') to line; at most max bytes are kept, the
 * rest of a longer line is consumed and *overlong set. Returns the bytes
 * consumed: 0 only at the end (or a stream error, see in->err). */
size_t kb_in_getline(kb_in *in, kb_buf *line, size_t max, int *overlong);
/* Appends up to n bytes to out; returns the bytes read (fewer = the end). */
kb_status kb_in_read(kb_in *in, kb_buf *out, size_t n, size_t *got);
/* Consumes up to n bytes without keeping them; returns the bytes skipped. */
uint64_t kb_in_skip(kb_in *in, uint64_t n);
/* After a gzip error: drop what is buffered and go on with the next gzip
 * member. Returns 1 when there may be more to read. */
int kb_in_recover(kb_in *in);

/* ---- charset ---------------------------------------------------------- */
/* 1 when the bytes look like a binary file (not text in any charset). */
int kb_ingest_sniff_binary(const char *s, size_t n);

/* ---- folder walker ---------------------------------------------------- */
typedef struct kb_walk_dir kb_walk_dir;
typedef struct kb_walk {
  kb_walk_dir *stack; /* open folders, root first */
  size_t depth, cap;
  kb_buf path; /* the path last returned */
  int started;
  const char *root;
} kb_walk;

void kb_walk_init(kb_walk *w, const char *root);
/* KB_ROW with w->path set to the next file; KB_DONE; KB_EIO with msg set
 * (walking goes on at the next call). */
kb_status kb_walk_next(kb_walk *w, kb_buf *msg);
void kb_walk_clear(kb_walk *w);

/* ---- reader ----------------------------------------------------------- */
typedef enum kb_file_mode {
  KB_MODE_NONE = 0, /* between files */
  KB_MODE_WARC,
  KB_MODE_JSONL
} kb_file_mode;

struct kb_reader {
  unsigned flags;
  char *root;     /* the path given to kb_reader_open */
  int is_stdin;   /* root is "-" */
  int stdin_done; /* stdin has been read */
  kb_walk walk;
  kb_file_mode mode; /* what the open file is being read as */
  char *cur;         /* path of the open file; NULL when none */
  kb_in in;          /* the open file */
  uint64_t record;   /* WARC records seen in cur (1-based after the first) */
  uint64_t line;     /* JSONL lines read in cur */
  int resync;        /* WARC: skipping to the next "WARC/" line silently */
  int dead;          /* the open file cannot be read further */
  kb_arena arena;    /* page strings; reset at every kb_reader_next */
  kb_buf line_buf;   /* a header or JSONL line */
  kb_buf rec;        /* a WARC record block or a whole file */
  kb_buf tmp;        /* de-chunked body */
  kb_buf tmp2;       /* decompressed body */
  kb_buf out;        /* the page's UTF-8 text */
  kb_buf err;        /* the last error message */
  uint64_t skipped;  /* records skipped on purpose (request, image, ...) */
};

kb_status kb_warc_next(kb_reader *r, kb_page *page);
kb_status kb_jsonl_next(kb_reader *r, kb_page *page);
/* Sets r->err from a printf format and returns rc. */
kb_status kb_reader_fail(kb_reader *r, kb_status rc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Converts data to UTF-8 into r->out and fills the rest of the page (the
 * caller set source, url, fetched). html: look for <meta charset>. The
 * reader's KB_READ_FORCE_* flags override kind and html here, for every
 * format. */
kb_status kb_ingest_emit(kb_reader *r, kb_page *page, const char *data,
                         size_t len, kb_input_kind kind, const char *declared,
                         int html);
/* Inflates gzip, zlib or raw deflate data s[0..n) into out (capped). */
kb_status kb_ingest_inflate(const char *s, size_t n, kb_buf *out);

#endif
