// Circuit statistics on a Boost.Graph view (see analysis.hpp).
#include "lib/analysis.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>

namespace tc {

namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

// The output cone as a graph: one vertex per node of the cone, an edge fanin -> gate per wire.
struct ConeGraph {
  Graph graph;
  std::vector<uint32_t> node_of_vertex;
};

ConeGraph build_cone_graph(const Circuit& c) {
  std::vector<int> vertex(c.num_nodes(), -1);
  std::vector<uint32_t> stack;
  ConeGraph g;
  for (const auto& w : c.output_words())
    for (Signal s : w.bits) stack.push_back(s.node());
  while (!stack.empty()) {
    uint32_t n = stack.back();
    stack.pop_back();
    if (vertex[n] >= 0) continue;
    vertex[n] = static_cast<int>(g.node_of_vertex.size());
    g.node_of_vertex.push_back(n);
    for (Signal f : c.node(n).fanins) stack.push_back(f.node());
  }
  g.graph = Graph(g.node_of_vertex.size());
  for (size_t v = 0; v < g.node_of_vertex.size(); ++v)
    for (Signal f : c.node(g.node_of_vertex[v]).fanins)
      boost::add_edge(static_cast<size_t>(vertex[f.node()]), v, g.graph);
  return g;
}

}  // namespace

std::vector<int> node_depths(const Circuit& c) {
  ConeGraph g = build_cone_graph(c);
  std::vector<Graph::vertex_descriptor> order;
  boost::topological_sort(g.graph, std::back_inserter(order));  // reverse topological
  std::vector<int> depth(c.num_nodes(), -1);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    uint32_t n = g.node_of_vertex[*it];
    const Node& node = c.node(n);
    int d = 0;
    if (node.kind == NodeKind::Threshold || node.kind == NodeKind::Xor) {
      for (Signal f : node.fanins) d = std::max(d, depth[f.node()]);
      d += 1;
    }
    depth[n] = d;
  }
  return depth;
}

CircuitStats analyze(const Circuit& c) {
  CircuitStats st;
  std::vector<int> depth = node_depths(c);
  for (uint32_t n = 0; n < c.num_nodes(); ++n) {
    if (depth[n] < 0) continue;
    const Node& node = c.node(n);
    if (node.kind != NodeKind::Threshold && node.kind != NodeKind::Xor) continue;
    ++st.gates;
    st.wires += node.fanins.size();
    st.max_fanin = std::max(st.max_fanin, node.fanins.size());
    st.depth = std::max(st.depth, depth[n]);
    if (node.kind == NodeKind::Xor) {
      ++st.xor_gates;
      continue;
    }
    ++st.threshold_gates;
    int64_t wmax = 0;
    bool unit = true;
    for (int64_t w : node.weights) {
      wmax = std::max(wmax, w);
      unit = unit && w == 1;
    }
    st.max_weight = std::max(st.max_weight, wmax);
    if (node.is_and())
      ++st.and_gates;
    else if (node.is_or())
      ++st.or_gates;
    else if (unit)
      ++st.majority_gates;
    else
      ++st.weighted_gates;
  }
  for (const auto& w : c.output_words()) {
    int d = 0;
    for (Signal s : w.bits) d = std::max(d, depth[s.node()]);
    st.output_depth.push_back(d);
  }
  return st;
}

}  // namespace tc
