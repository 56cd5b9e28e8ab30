# The two commands of README.md: `make run` builds and starts the chatbot on the shipped
# intents; `make test` runs every test (unit tests and end-to-end checks, built once in release).
SHELL := /bin/bash
BIN := .build/release/supportbot

.PHONY: run test build release format format-check

build:
	scripts/install-deps.sh
	swift build

release:
	scripts/install-deps.sh
	swift build -c release

run: release
	$(BIN) chat --intents intents

# One build in one configuration: `swift test -c release` builds the binary the end-to-end
# tests run and the tests themselves (a second, debug build of every dependency — SwiftNIO,
# BoringSSL, GRDB — would cost minutes). A private PostgreSQL server runs beside the tests
# (scripts/with-postgres.sh; the PostgreSQL cases skip, saying why, when it cannot start).
# The format check runs first and fails fast, naming the files.
test: format-check
	scripts/install-deps.sh --tests
	SUPPORTBOT_BIN=$(CURDIR)/$(BIN) scripts/with-postgres.sh swift test -c release

# Rewrites every Swift file as `.swift-format` says (120 columns).
format:
	swift format format --configuration .swift-format --in-place --parallel --recursive Sources Tests Fuzz Package.swift

# Fails, naming the files, when a Swift file is not formatted or a line runs past 120 columns
# (`make test` runs it first: about a minute).
format-check:
	scripts/check-format.sh
