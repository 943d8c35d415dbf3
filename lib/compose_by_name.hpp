// Embedding a block whose input words are found by name: the host supplies a function from the
// block's input word names to host words.
//
// Compositions of parameterised components (the SSM layers embed selection, discretize and scan,
// whose input words depend on L, N, D and on whether weights are inputs or constants) do not
// know in advance which input words a block declares; a block with constant weights declares
// only its activations. compose_embed_by_name asks `feed` for each input word of `sub`, in its
// order, and embeds it with compose_embed (lib/compose.hpp). Knows no component.
#pragma once

#include <functional>
#include <string>

#include "lib/compose.hpp"

namespace tc {

// feed(name) returns the host word for the block's input word `name`; it throws (e.g.
// std::invalid_argument) for a name the host cannot supply, and the message names the block.
using WordFeed = std::function<Bits(const std::string& name)>;

Embedded compose_embed_by_name(Circuit& host, const Circuit& sub, const WordFeed& feed,
                               const ComposeOptions& options = {});

}  // namespace tc
