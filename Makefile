# Installs congkhai for office staff: `make install PREFIX=/usr/local` (as root, or with sudo).
#
#   <prefix>/lib/congkhai/congkhai            the program, beside its resource bundles (message catalogues,
#   <prefix>/lib/congkhai/*.resources         the example site of `congkhai new`, the document-type table)
#   <prefix>/bin/congkhai                     a link to it
#   <prefix>/share/congkhai/themes/default    the default theme (found from the program's own place)
#   <prefix>/share/man/man1/congkhai.1        the manual page (swift-argument-parser's generate-manual plugin)
#   <prefix>/share/bash-completion/completions/congkhai
#
# The Swift runtime is linked into the program (--static-swift-stdlib), so the machine that runs it
# needs only cmark-gfm (libcmark-gfm0.29.0.gfm.6, libcmark-gfm-extensions0.29.0.gfm.6), zlib and zstd.
PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
BUILD_FLAGS = -c release --product congkhai --static-swift-stdlib
LIBDIR = $(DESTDIR)$(PREFIX)/lib/congkhai
SHAREDIR = $(DESTDIR)$(PREFIX)/share

.PHONY: build install uninstall man man-fallback

build:
	$(SWIFT) build $(BUILD_FLAGS)

# The manual page from the command's own help (Vietnamese, the default language), by swift-argument-parser's
# generate-manual plugin. The plugin builds the package itself; in debug mode, so that it does not rebuild the
# release tree without --static-swift-stdlib (which would make the next release build start from scratch).
man:
	rm -rf .build/man && mkdir -p .build/man
	$(SWIFT) package --allow-writing-to-directory .build/man generate-manual --configuration debug \
	  --output-directory .build/man --authors "congkhai" >/dev/null 2>&1 || $(MAKE) man-fallback
	test -s .build/man/congkhai.1

# Without the plugin (a checkout that lacks it), a plain page from --help.
man-fallback:
	mkdir -p .build/man
	bin=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path)/congkhai; \
	{ echo '.TH CONGKHAI 1'; echo '.SH NAME'; echo 'congkhai'; echo '.SH DESCRIPTION'; echo '.nf'; \
	  "$$bin" --help; for c in build check new theme serve import archive verify keygen publish rollback releases; do \
	  echo; "$$bin" help $$c; done; echo '.fi'; } > .build/man/congkhai.1

install: man build
	bin=$$($(SWIFT) build $(BUILD_FLAGS) --show-bin-path); \
	install -d "$(LIBDIR)" "$(DESTDIR)$(PREFIX)/bin" "$(SHAREDIR)/congkhai/themes" "$(SHAREDIR)/man/man1" \
	  "$(SHAREDIR)/bash-completion/completions"; \
	install -m 755 "$$bin/congkhai" "$(LIBDIR)/congkhai"; \
	for bundle in "$$bin"/*.resources; do rm -rf "$(LIBDIR)/$$(basename "$$bundle")"; cp -R "$$bundle" "$(LIBDIR)/"; done; \
	chmod -R u+rwX,go+rX "$(LIBDIR)"; \
	ln -sf ../lib/congkhai/congkhai "$(DESTDIR)$(PREFIX)/bin/congkhai"; \
	rm -rf "$(SHAREDIR)/congkhai/themes/default"; cp -R Themes/default "$(SHAREDIR)/congkhai/themes/default"; \
	chmod -R u+rwX,go+rX "$(SHAREDIR)/congkhai"; \
	install -m 644 .build/man/congkhai.1 "$(SHAREDIR)/man/man1/congkhai.1"; \
	"$$bin/congkhai" --generate-completion-script bash > "$(SHAREDIR)/bash-completion/completions/congkhai"

uninstall:
	rm -rf "$(LIBDIR)" "$(DESTDIR)$(PREFIX)/bin/congkhai" "$(SHAREDIR)/congkhai" "$(SHAREDIR)/man/man1/congkhai.1" \
	  "$(SHAREDIR)/bash-completion/completions/congkhai"
