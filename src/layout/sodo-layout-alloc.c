/* sodo-layout-alloc.c: the layout's arrays
 *
 * A million-node layout writes about 100 MB of fresh arrays once each, soon after allocating
 * them, and faulting that memory in 4 KiB at a time was a third of the layout's time. An
 * array of 1 MiB or more gets a mapping of its own, aligned to 2 MiB and a whole number of
 * 2 MiB long, with the advice to use transparent huge pages before anything touches it: one
 * fault per 2 MiB instead of 512, and the kernel hands it over zeroed (bench/README.md). It
 * can cost up to 2 MiB of memory per array, which is little beside what such an array
 * holds. Smaller arrays come from malloc(). Where the system has no transparent huge pages
 * the advice changes nothing.
 *
 * Every array starts 16 bytes after a header that says how to give it back, so all of them
 * are freed with _sodo_layout_free().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sodo-layout-private.h"

#include <stdlib.h>

#if defined(__linux__)
#include <sys/mman.h>
#define USE_HUGE_PAGES 1
#else
#define USE_HUGE_PAGES 0
#endif

#define HUGE_PAGE_SIZE ((size_t) 2 << 20)
#define HEADER_SIZE ((size_t) 16)
#define MAPPED_MIN_SIZE ((size_t) 1 << 20)

typedef struct
{
  void   *mapping;   /* NULL: the block is from malloc() */
  size_t  length;
} BlockHeader;

_Static_assert (sizeof (BlockHeader) <= HEADER_SIZE, "the header fits before the array");

static void *
alloc_mapped (size_t bytes)
{
#if USE_HUGE_PAGES
  size_t length, span;
  char *mapping, *array;
  BlockHeader *header;

  span = (bytes + HUGE_PAGE_SIZE - 1) & ~(HUGE_PAGE_SIZE - 1);
  if (span < bytes || span > SIZE_MAX - 2 * HUGE_PAGE_SIZE)
    return NULL;
  /* Room to align the array and put the header before it. */
  length = span + HUGE_PAGE_SIZE;
  mapping = mmap (NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapping == MAP_FAILED)
    return NULL;
  array = (char *) (((uintptr_t) mapping + HEADER_SIZE + HUGE_PAGE_SIZE - 1) &
                    ~((uintptr_t) HUGE_PAGE_SIZE - 1));
#ifdef MADV_HUGEPAGE
  (void) madvise (array, span, MADV_HUGEPAGE);
#endif
  header = (BlockHeader *) (void *) (array - HEADER_SIZE);
  header->mapping = mapping;
  header->length = length;
  return array;
#else
  (void) bytes;
  return NULL;
#endif
}

static void *
alloc_block (size_t n,
             size_t size,
             bool   zeroed)
{
  BlockHeader *header;
  size_t bytes;
  char *block;

  if (n == 0)
    n = 1;
  if (size != 0 && n > (SIZE_MAX - HEADER_SIZE) / size)
    return NULL;
  bytes = n * size;
  if (USE_HUGE_PAGES && bytes >= MAPPED_MIN_SIZE)
    {
      void *array = alloc_mapped (bytes);

      /* A fresh mapping is zeroed already. */
      if (array != NULL)
        return array;
    }
  block = zeroed ? calloc (1, HEADER_SIZE + bytes) : malloc (HEADER_SIZE + bytes);
  if (block == NULL)
    return NULL;
  header = (BlockHeader *) (void *) block;
  header->mapping = NULL;
  header->length = 0;
  return block + HEADER_SIZE;
}

void *
_sodo_layout_alloc (size_t n,
                    size_t size)
{
  return alloc_block (n, size, false);
}

void *
_sodo_layout_alloc0 (size_t n,
                     size_t size)
{
  return alloc_block (n, size, true);
}

void
_sodo_layout_free (const void *array)
{
  const BlockHeader *header;

  if (array == NULL)
    return;
  header = (const BlockHeader *) (const void *) ((const char *) array - HEADER_SIZE);
#if USE_HUGE_PAGES
  if (header->mapping != NULL)
    {
      (void) munmap (header->mapping, header->length);
      return;
    }
#endif
  free ((void *) header);
}
