/* kabar: a news intelligence engine. One include for the whole public API:
 * pages in (ingest), articles out (extract), events and storylines
 * (cluster), kept in an embedded store (store). */
#ifndef KABAR_H
#define KABAR_H

#define KB_VERSION "0.1.0"

#include "kabar/core.h"
#include "kabar/dates.h"
#include "kabar/article.h"
#include "kabar/text.h"
#include "kabar/extract.h"
#include "kabar/ingest.h"
#include "kabar/cluster.h"
#include "kabar/store.h"

#endif
