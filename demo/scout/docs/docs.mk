#
# scout's tutorial documents and pictures as ROM modules in $(BUILD)/bin,
# where build_boot_image picks them like programs: a run script says
# build "scout_docs" and names the modules in its boot image. Documents are copied; pictures are drawn with ImageMagick from
# primitives (draw_image.sh) and turned into gfx images by the GUI's host
# tool (doc/gui.md, "Images"). Nothing here depends on the platform.
#

SCOUT_DOC_DIR := demo/scout/docs
SCOUT_DOCS    := tutorial.txt nitpicker.txt
SCOUT_IMAGES  := scout_overview.gfi scout_views.gfi

SCOUT_DOC_FILES   := $(addprefix $(BUILD)/bin/,$(SCOUT_DOCS))
SCOUT_IMAGE_FILES := $(addprefix $(BUILD)/bin/,$(SCOUT_IMAGES))

$(SCOUT_DOC_FILES): $(BUILD)/bin/%: $(SCOUT_DOC_DIR)/%
	@mkdir -p $(@D)
	cp $< $@

$(BUILD)/gen/scout/%.png: $(SCOUT_DOC_DIR)/draw_image.sh
	@mkdir -p $(@D)
	$(SCOUT_DOC_DIR)/draw_image.sh $* $@

# the GUI's image tool (tool/mk/gfx.mk, HOST_BIN there)
$(SCOUT_IMAGE_FILES): $(BUILD)/bin/scout_%.gfi: $(BUILD)/gen/scout/%.png $(BUILD)/host/mkimage
	@mkdir -p $(@D)
	$(BUILD)/host/mkimage $< $@

.PHONY: scout_docs
scout_docs: $(SCOUT_DOC_FILES) $(SCOUT_IMAGE_FILES)
programs: scout_docs

# the drawn PNGs stay for a look (make would remove them as intermediates)
.PRECIOUS: $(BUILD)/gen/scout/%.png

# the unit test of scout's drawing reads real modules beside it (where the
# i386 test run packs its directory into the VM)
SCOUT_RENDER_TEST := $(BUILD)/test/test-scout_render
$(SCOUT_RENDER_TEST)-font.gft: $(BUILD)/bin/font_text.gft
$(SCOUT_RENDER_TEST)-heading.gft: $(BUILD)/bin/font_heading.gft
$(SCOUT_RENDER_TEST)-image.gfi: $(BUILD)/bin/scout_views.gfi
$(foreach d,$(SCOUT_DOCS),$(eval $(SCOUT_RENDER_TEST)-$(d): $(SCOUT_DOC_DIR)/$(d)))
SCOUT_RENDER_FILES := $(addprefix $(SCOUT_RENDER_TEST)-,font.gft heading.gft image.gfi $(SCOUT_DOCS))
$(SCOUT_RENDER_FILES):
	@mkdir -p $(@D)
	cp $< $@
$(SCOUT_RENDER_TEST): | $(SCOUT_RENDER_FILES)
