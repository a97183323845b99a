#
# Fonts and images of the GUI (doc/gui.md, "Fonts" and "Images").
#
# Build-time host tools (tool/gfx/) turn a TrueType font or a PNG into our
# own module formats, which components read without any hosted library.
# The tools are built for the build machine with HOST_CC, whatever the
# target platform or architecture, and their output lands in
# $(BUILD)/bin beside the programs, so that a run script puts it into a
# boot image like a program:
#
#   build { gfx_fonts gfx_images }
#   build_boot_image { ... font_text.gft image_logo.gfi }
#

HOST_CC     ?= cc
HOST_CFLAGS := -O2 -std=c11 $(WARN) -Iinclude
HOST_BIN    := $(BUILD)/host
FONT_DIR    := /usr/share/fonts/truetype/dejavu

$(HOST_BIN)/mkfont: tool/gfx/mkfont.c include/gfx/font_format.h
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) $$(pkg-config --cflags freetype2) $< -o $@ \
		$$(pkg-config --libs freetype2)

# name:ttf:pixel size of each font module (bin/font_<name>.gft)
GFX_FONTS := label:DejaVuSans.ttf:12 text:DejaVuSans.ttf:16 heading:DejaVuSans-Bold.ttf:20 \
             mono:DejaVuSansMono.ttf:12
gfx_font_word = $(word $(2),$(subst :, ,$(1)))
GFX_FONT_FILES := $(foreach f,$(GFX_FONTS),$(BUILD)/bin/font_$(call gfx_font_word,$(f),1).gft)

define gfx_font_rule
$(BUILD)/bin/font_$(call gfx_font_word,$(1),1).gft: $(HOST_BIN)/mkfont
	@mkdir -p $$(@D)
	$(HOST_BIN)/mkfont $(FONT_DIR)/$(call gfx_font_word,$(1),2) $(call gfx_font_word,$(1),3) $$@
endef
$(foreach f,$(GFX_FONTS),$(eval $(call gfx_font_rule,$(f))))

# a small font seeds the font fuzzer's corpus (tool/fuzz_one reads gen/corpus/<fuzzer>)
GFX_FONT_SEED := $(BUILD)/gen/corpus/fuzz-gfx_font/dejavu6.gft
$(GFX_FONT_SEED): $(HOST_BIN)/mkfont
	@mkdir -p $(@D)
	$(HOST_BIN)/mkfont $(FONT_DIR)/DejaVuSans.ttf 6 $@

.PHONY: gfx_fonts
gfx_fonts: $(GFX_FONT_FILES)
all programs: gfx_fonts
fuzzers: $(GFX_FONT_SEED)

$(HOST_BIN)/mkimage: tool/gfx/mkimage.c include/gfx/image_format.h
	@mkdir -p $(@D)
	$(HOST_CC) $(HOST_CFLAGS) $$(pkg-config --cflags libpng) $< -o $@ $$(pkg-config --libs libpng)

# pictures drawn at build time by tool/gfx/draw_png (bin/image_<name>.gfi)
GFX_IMAGES      := logo icon gradient pointer diagram
GFX_IMAGE_FILES := $(foreach i,$(GFX_IMAGES),$(BUILD)/bin/image_$(i).gfi)

$(BUILD)/gen/png/%.png: tool/gfx/draw_png
	@mkdir -p $(@D)
	tool/gfx/draw_png $* $@

$(BUILD)/bin/image_%.gfi: $(BUILD)/gen/png/%.png $(HOST_BIN)/mkimage
	@mkdir -p $(@D)
	$(HOST_BIN)/mkimage $< $@

# the image fuzzer's seeds: one image with an alpha plane, one without
GFX_IMAGE_SEEDS := $(addprefix $(BUILD)/gen/corpus/fuzz-gfx_image/,icon.gfi gradient.gfi)
$(BUILD)/gen/corpus/fuzz-gfx_image/%.gfi: $(BUILD)/gen/png/%.png $(HOST_BIN)/mkimage
	@mkdir -p $(@D)
	$(HOST_BIN)/mkimage $< $@

.PHONY: gfx_images
gfx_images: $(GFX_IMAGE_FILES)
all programs: gfx_images
fuzzers: $(GFX_IMAGE_SEEDS)

# the unit test of gfx reads a real font module beside it (where the i386
# test run packs its directory into the VM)
$(BUILD)/test/test-gfx-font.gft: $(BUILD)/bin/font_text.gft
	@mkdir -p $(@D)
	cp $< $@
$(BUILD)/test/test-gfx-%.gfi: $(BUILD)/bin/image_%.gfi
	@mkdir -p $(@D)
	cp $< $@
$(BUILD)/test/test-gfx: | $(BUILD)/test/test-gfx-font.gft $(BUILD)/test/test-gfx-icon.gfi \
                          $(BUILD)/test/test-gfx-gradient.gfi

# the drawn PNGs stay for a look (make would remove them as intermediates)
.PRECIOUS: $(BUILD)/gen/png/%.png
