/*
 * \brief  The gfx fuzz targets' surface: drawn into, then checked against its clip
 *
 * A W x H surface clipped to an inner rectangle, with an alpha plane
 * that starts at 0: whatever a gfx call draws sets alpha, so alpha
 * outside the clip is a write the clip should have stopped (abort).
 * Linking this also silences the log: fuzz inputs are refused by the
 * million.
 */

#ifndef _TESTS__FUZZ__GFX_COMMON__SURFACE_H_
#define _TESTS__FUZZ__GFX_COMMON__SURFACE_H_

#include <stddef.h>
#include <stdint.h>

#include <gfx/surface.h>

enum { FUZZ_SURFACE_W = 40, FUZZ_SURFACE_H = 24 };

/* a zeroed, clipped surface (OWNED: fuzz_surface_check frees it) */
void fuzz_surface_open(struct gfx_surface *s);

/* abort if anything was drawn outside the clip, then free s's planes */
void fuzz_surface_check(struct gfx_surface *s);

/* an exactly sized malloc copy of the input (OWNED by the caller): a read past it is ASan's */
uint8_t *fuzz_input_copy(const uint8_t *data, size_t size);

#endif /* _TESTS__FUZZ__GFX_COMMON__SURFACE_H_ */
