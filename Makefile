# The two commands of README.md: `make run` builds and starts the chatbot on the shipped
# intents; `make test` runs every test (unit tests, then end-to-end checks on the release build).
SHELL := /bin/bash
BIN := .build/release/supportbot
MODEL ?= .build/default-intents.sbm

.PHONY: run test build release

build:
	scripts/install-deps.sh
	swift build

release:
	scripts/install-deps.sh
	swift build -c release

$(MODEL): release $(wildcard intents/*/*.yaml intents/*/*/*.yaml)
	$(BIN) train --data intents --out $(MODEL)

run: release $(MODEL)
	$(BIN) classify --model $(MODEL) --top 3

test:
	scripts/install-deps.sh --tests
	swift build -c release
	SUPPORTBOT_BIN=$(CURDIR)/$(BIN) swift test
