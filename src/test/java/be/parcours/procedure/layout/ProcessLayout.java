package be.parcours.procedure.layout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Computes the diagrams (BPMN DI) of {@code processes/*.bpmn} from the process graphs: the source of
 * the drawings is this class, not a modeler. Left to right in columns (the longest path from the
 * start), one lane per role (the candidate group of the user tasks; automatic steps and events stay
 * in the lane of the step before them), the main path of each split kept straight (the branch with
 * the longest way to the end), the other branches below it, boundary events on the bottom edge of
 * their activity, embedded subprocesses laid out inside their box. Flows run through the gaps
 * between columns and the channels between rows, so no flow crosses a shape.
 *
 * <p>Regenerate after changing a model: {@code ./mvnw -o -q test-compile exec:java} is not wired;
 * run {@link #main} from the IDE or {@code ProcessLayoutTest#regenerate} with
 * {@code -Dparcours.layout.write=true}. {@code ProcessLayoutTest} fails when a committed file is not
 * what this class produces.
 */
public final class ProcessLayout {

  static final int GAP = 80;
  static final int VPAD = 45;
  static final int TASK_W = 130;
  static final int EVENT = 36;
  static final int GATEWAY = 50;
  static final int POOL_X = 100;
  static final int POOL_Y = 60;
  static final int POOL_BAND = 30;
  static final int LANE_BAND = 30;
  static final int INNER = 30;
  static final int BAND_STEP = 26;

  /** The lanes, top to bottom: who does the work. */
  enum Role {
    SOCIAL("Service social et accueil"), LEGAL("Juristes"), SUPERVISION("Superviseurs");

    final String label;

    Role(String label) {
      this.label = label;
    }

    String suffix() {
      return switch (this) {
        case SOCIAL -> "SocialService";
        case LEGAL -> "Legal";
        case SUPERVISION -> "Supervisors";
      };
    }
  }

  private ProcessLayout() {}

  public static void main(String[] args) throws IOException {
    for (Path file : models(Path.of(args.length > 0 ? args[0] : "processes"))) {
      Files.writeString(file, layout(Files.readString(file)));
    }
  }

  public static List<Path> models(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  /** The model with its diagram, lanes and pool computed afresh. */
  public static String layout(String xml) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Definitions definitions = model.getDefinitions();
    for (BpmnDiagram d : List.copyOf(definitions.getBpmDiagrams())) {
      definitions.removeChildElement(d);
    }
    for (Collaboration c : List.copyOf(model.getModelElementsByType(Collaboration.class))) {
      definitions.removeChildElement(c);
    }
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    for (LaneSet ls : List.copyOf(process.getLaneSets())) {
      process.removeChildElement(ls);
    }
    new ProcessLayout.Drawing(model, process).draw();
    LabelPlacement.place(model);
    return normalise(Bpmn.convertToString(model));
  }

  /** Blank lines left by removed elements are dropped, so that a second run gives the same text. */
  static String normalise(String xml) {
    String text = xml.lines().filter(l -> !l.isBlank()).collect(Collectors.joining("\n"));
    return text + "\n";
  }

  // ---------------------------------------------------------------------------------------------

  static final class Node {
    final FlowNode element;
    final int index;
    int w;
    int h;
    Role role;
    int rank;
    int track;
    int height; // longest forward path to an end
    double x;
    double y;
    Level inner; // an embedded subprocess
    final List<BoundaryEvent> boundaries = new ArrayList<>();

    Node(FlowNode element, int index) {
      this.element = element;
      this.index = index;
    }

    double cx() {
      return x + w / 2.0;
    }

    double cy() {
      return y + h / 2.0;
    }
  }

  static final class Edge {
    final SequenceFlow flow;
    final Node source;
    final Node target;
    final BoundaryEvent boundary;
    boolean back;
    List<double[]> points = new ArrayList<>();
    double[] label;

    Edge(SequenceFlow flow, Node source, Node target, BoundaryEvent boundary) {
      this.flow = flow;
      this.source = source;
      this.target = target;
      this.boundary = boundary;
    }
  }

  /** One level of the graph: the process, or the inside of an embedded subprocess. */
  static final class Level {
    final boolean lanes;
    final Map<String, Node> nodes = new LinkedHashMap<>();
    final List<Edge> edges = new ArrayList<>();
    final Map<BoundaryEvent, double[]> boundaryBounds = new LinkedHashMap<>();
    int width;
    int height;
    final Map<Role, double[]> laneBounds = new LinkedHashMap<>();
    // geometry
    double[] colLeft;
    double[] colRight;
    final Map<Role, Map<Integer, double[]>> rows = new LinkedHashMap<>(); // role → track → [top, bottom]
    /** Loops and long skips drawn in a band of their own above the main row, one channel each. */
    List<Edge> banded = new ArrayList<>();
    double bandTop;

    Level(boolean lanes) {
      this.lanes = lanes;
    }

    List<Edge> out(Node n) {
      return edges.stream().filter(e -> e.source == n).toList();
    }

    List<Edge> in(Node n) {
      return edges.stream().filter(e -> e.target == n).toList();
    }

    double rowTop(Node n) {
      return rows.get(n.role).get(n.track)[0];
    }

    double rowBottom(Node n) {
      return rows.get(n.role).get(n.track)[1];
    }

    void build(Collection<FlowElement> elements) {
      int i = 0;
      for (FlowElement fe : elements) {
        if (fe instanceof FlowNode fn && !(fe instanceof BoundaryEvent)) {
          Node n = new Node(fn, i++);
          size(n);
          nodes.put(fn.getId(), n);
        }
      }
      for (FlowElement fe : elements) {
        if (fe instanceof BoundaryEvent b) {
          nodes.get(b.getAttachedTo().getId()).boundaries.add(b);
        }
      }
      for (FlowElement fe : elements) {
        if (fe instanceof SequenceFlow f) {
          FlowNode src = f.getSource();
          BoundaryEvent boundary = src instanceof BoundaryEvent b ? b : null;
          Node s = nodes.get(boundary != null ? boundary.getAttachedTo().getId() : src.getId());
          edges.add(new Edge(f, s, nodes.get(f.getTarget().getId()), boundary));
        }
      }
    }

    void size(Node n) {
      FlowNode fn = n.element;
      if (fn instanceof SubProcess sp) {
        n.inner = new Level(false);
        n.inner.build(sp.getFlowElements());
        n.inner.place();
        n.w = n.inner.width;
        n.h = n.inner.height;
      } else if (fn instanceof Event) {
        n.w = EVENT;
        n.h = EVENT;
      } else if (fn instanceof Gateway) {
        n.w = GATEWAY;
        n.h = GATEWAY;
      } else {
        int len = fn.getName() == null ? 0 : fn.getName().length();
        n.w = TASK_W;
        n.h = Math.max(80, 15 * (int) Math.ceil(len / 17.0) + 20);
      }
    }

    /** Ranks, lanes, tracks, then coordinates relative to this level's origin. */
    void place() {
      markBackEdges();
      List<Node> order = topological();
      for (Node n : order) {
        for (Edge e : in(n)) {
          if (!e.back) {
            n.rank = Math.max(n.rank, e.source.rank + 1);
          }
        }
      }
      for (int i = order.size() - 1; i >= 0; i--) {
        Node n = order.get(i);
        for (Edge e : out(n)) {
          if (!e.back) {
            n.height = Math.max(n.height, e.target.height + 1);
          }
        }
      }
      order.sort(Comparator.comparingInt((Node n) -> n.rank).thenComparingInt(n -> n.index));
      for (Node n : order) {
        n.role = role(n);
      }
      Map<String, Boolean> taken = new HashMap<>();
      for (Node n : order) {
        int preferred = Integer.MAX_VALUE;
        for (Edge e : in(n)) {
          if (e.back) {
            continue;
          }
          int base = e.source.role == n.role ? e.source.track : 0;
          preferred = Math.min(preferred, base + branchIndex(e));
        }
        int t = preferred == Integer.MAX_VALUE ? 0 : preferred;
        while (taken.containsKey(n.role + "/" + t + "/" + n.rank)) {
          t++;
        }
        n.track = t;
        taken.put(n.role + "/" + t + "/" + n.rank, true);
      }
      arrange();
      improveTracks();
    }

    /**
     * Loops and long skips into the band or through the rows, then the coordinates and the routes.
     * First pass: every loop and every long skip in the band, then the band kept only where it
     * crosses fewer flows than the way through the rows (loops: as few or fewer); the widest span
     * takes the highest channel, so that nested loops do not cross.
     */
    void arrange() {
      List<Edge> candidates = new ArrayList<>(edges.stream().filter(this::bandCandidate)
          .sorted(Comparator.comparingInt((Edge e) -> -Math.abs(e.source.rank - e.target.rank))).toList());
      banded = List.copyOf(candidates);
      clearGeometry();
      coordinates();
      routeAll();
      List<Edge> chosen = new ArrayList<>();
      for (Edge e : candidates) {
        List<double[]> inBand = e.points;
        double[] bandLabel = e.label;
        e.points = new ArrayList<>();
        routeThroughRows(e);
        int rowsCrossings = crossings(e);
        List<double[]> throughRows = e.points;
        double[] rowsLabel = e.label;
        e.points = inBand;
        e.label = bandLabel;
        int bandCrossings = crossings(e);
        if (bandCrossings < rowsCrossings || (e.back && bandCrossings == rowsCrossings)) {
          chosen.add(e);
        } else {
          e.points = throughRows;
          e.label = rowsLabel;
        }
      }
      banded = chosen;
      clearGeometry();
      coordinates();
      routeAll();
    }

    void clearGeometry() {
      rows.clear();
      laneBounds.clear();
      boundaryBounds.clear();
    }

    /**
     * Fewer crossings by moving steps between the rows of their lane: each step in turn tries every
     * other row at its column (swapping with the step there, or into a new row below), and a move
     * is kept when the whole drawing then has fewer crossing flows, or as many with fewer bends.
     * Rows left empty are closed up. Deterministic: same model, same drawing.
     */
    void improveTracks() {
      long best = cost();
      List<Node> order = nodes.values().stream()
          .sorted(Comparator.comparingInt((Node n) -> n.rank).thenComparingInt(n -> n.index)).toList();
      for (int round = 0; round < 6; round++) {
        boolean improved = false;
        for (Node n : order) {
          int tracks = nodes.values().stream().filter(x -> x.role == n.role).mapToInt(x -> x.track).max().orElse(0) + 1;
          for (int t = 0; t <= tracks; t++) {
            if (t == n.track) {
              continue;
            }
            Map<Node, Integer> before = new HashMap<>();
            nodes.values().forEach(x -> before.put(x, x.track));
            Node occupant = at(n.role, n.rank, t);
            if (occupant != null) {
              occupant.track = n.track;
            }
            n.track = t;
            compactTracks();
            arrange();
            long c = cost();
            if (c < best) {
              best = c;
              improved = true;
              break;
            }
            before.forEach((x, track) -> x.track = track);
          }
        }
        if (!improved) {
          break;
        }
      }
      compactTracks();
      arrange();
    }

    /** Crossing flows first, then bends: what a reader of the diagram follows. */
    long cost() {
      long crossings = 0;
      long bends = 0;
      for (Edge e : edges) {
        crossings += crossings(e);
        bends += Math.max(0, e.points.size() - 2);
      }
      return crossings / 2 * 1000 + bends;
    }

    Node at(Role role, int rank, int track) {
      for (Node x : nodes.values()) {
        if (x.role == role && x.rank == rank && x.track == track) {
          return x;
        }
      }
      return null;
    }

    /** The rows of each lane numbered 0, 1, 2… again, without the empty ones. */
    void compactTracks() {
      for (Role role : Role.values()) {
        List<Integer> used = nodes.values().stream().filter(x -> x.role == role).map(x -> x.track).distinct().sorted()
            .toList();
        for (Node x : nodes.values()) {
          if (x.role == role) {
            x.track = used.indexOf(x.track);
          }
        }
      }
    }

    boolean bandCandidate(Edge e) {
      if (e.boundary != null) {
        return false;
      }
      if (e.back) {
        return true;
      }
      boolean sameRow = e.source.role == e.target.role && e.source.track == e.target.track;
      return e.target.rank > e.source.rank + 1 && !(sameRow && rowFree(e.source, e.source.rank, e.target.rank));
    }

    void routeAll() {
      for (Edge e : edges) {
        e.points = new ArrayList<>();
        e.label = null;
        if (banded.contains(e)) {
          routeInBand(e, banded.indexOf(e));
        } else {
          route(e);
        }
      }
    }

    /** Out of the source's right side, up into channel {@code k} of the band, down into the target's left. */
    void routeInBand(Edge e, int k) {
      Node s = e.source;
      Node t = e.target;
      double channel = bandTop + BAND_STEP * (k + 1);
      double out = colRight[s.rank] + GAP / 3.0;
      double in = colLeft[t.rank] - GAP / 3.0;
      List<double[]> p = e.points;
      p.add(new double[] {s.x + s.w, s.cy()});
      p.add(new double[] {out, s.cy()});
      p.add(new double[] {out, channel});
      p.add(new double[] {in, channel});
      p.add(new double[] {in, t.cy()});
      p.add(new double[] {t.x, t.cy()});
      e.label = new double[] {out + 6, channel - BAND_STEP + 3};
    }

    void routeThroughRows(Edge e) {
      if (e.back) {
        boolean saved = e.back;
        route(e);
        e.back = saved;
      } else {
        route(e);
      }
    }

    /** How many segments of the other flows this flow's segments cross. */
    int crossings(Edge e) {
      int n = 0;
      for (Edge o : edges) {
        if (o == e) {
          continue;
        }
        for (int i = 1; i < e.points.size(); i++) {
          var a = new FlowCrossings.Segment(e.points.get(i - 1)[0], e.points.get(i - 1)[1], e.points.get(i)[0],
              e.points.get(i)[1]);
          for (int j = 1; j < o.points.size(); j++) {
            var b = new FlowCrossings.Segment(o.points.get(j - 1)[0], o.points.get(j - 1)[1], o.points.get(j)[0],
                o.points.get(j)[1]);
            if (FlowCrossings.properlyCross(a, b)) {
              n++;
            }
          }
        }
      }
      return n;
    }

    /** 0 for the main way out of a node, 1, 2… for the others (boundary events after the normal flows). */
    int branchIndex(Edge e) {
      List<Edge> outs = new ArrayList<>(out(e.source).stream().filter(x -> !x.back).toList());
      outs.sort(Comparator.comparing((Edge x) -> x.boundary != null)
          .thenComparing(Comparator.comparingInt((Edge x) -> x.target.height).reversed()));
      int k = outs.indexOf(e);
      if (e.boundary != null) {
        return Math.max(k, 1);
      }
      return k;
    }

    Role role(Node n) {
      if (n.element instanceof UserTask u) {
        String groups = u.getCamundaCandidateGroups() == null ? "" : u.getCamundaCandidateGroups();
        if (groups.contains("superviseurs")) {
          return Role.SUPERVISION;
        }
        if (groups.contains("juristes")) {
          return Role.LEGAL;
        }
        return Role.SOCIAL;
      }
      if (!lanes) {
        return Role.SOCIAL;
      }
      if (n.inner != null) {
        // a subprocess sits in the lane of most of its user tasks
        Map<Role, Long> count = n.inner.nodes.values().stream().filter(x -> x.element instanceof UserTask)
            .collect(Collectors.groupingBy(x -> x.role, Collectors.counting()));
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(Role.SOCIAL);
      }
      // automatic steps, events and gateways follow the step before them; back to the social
      // service (where the file lives) as soon as one way in comes from there
      List<Role> before = in(n).stream().filter(e -> !e.back).map(e -> e.source.role).toList();
      return before.contains(Role.SOCIAL) || before.isEmpty() ? Role.SOCIAL : before.get(0);
    }

    void markBackEdges() {
      Set<Node> done = new HashSet<>();
      Set<Node> stack = new HashSet<>();
      List<Node> starts = new ArrayList<>(nodes.values().stream().filter(n -> n.element instanceof StartEvent).toList());
      starts.addAll(nodes.values());
      for (Node s : starts) {
        if (!done.contains(s)) {
          dfs(s, done, stack);
        }
      }
    }

    void dfs(Node n, Set<Node> done, Set<Node> stack) {
      done.add(n);
      stack.add(n);
      List<Edge> outs = new ArrayList<>(out(n));
      outs.sort(Comparator.comparing((Edge e) -> e.boundary != null));
      for (Edge e : outs) {
        if (stack.contains(e.target)) {
          e.back = true;
        } else if (!done.contains(e.target)) {
          dfs(e.target, done, stack);
        }
      }
      stack.remove(n);
    }

    List<Node> topological() {
      Map<Node, Integer> indegree = new HashMap<>();
      for (Node n : nodes.values()) {
        indegree.put(n, (int) in(n).stream().filter(e -> !e.back).count());
      }
      List<Node> ready = new ArrayList<>(nodes.values().stream().filter(n -> indegree.get(n) == 0).toList());
      List<Node> order = new ArrayList<>();
      while (!ready.isEmpty()) {
        ready.sort(Comparator.comparingInt(n -> n.index));
        Node n = ready.remove(0);
        order.add(n);
        for (Edge e : out(n)) {
          if (!e.back && indegree.merge(e.target, -1, Integer::sum) == 0) {
            ready.add(e.target);
          }
        }
      }
      return order;
    }

    void coordinates() {
      int ranks = nodes.values().stream().mapToInt(n -> n.rank).max().orElse(0) + 1;
      double[] colW = new double[ranks];
      for (Node n : nodes.values()) {
        colW[n.rank] = Math.max(colW[n.rank], n.w);
      }
      colLeft = new double[ranks];
      colRight = new double[ranks];
      double x = lanes ? POOL_X + POOL_BAND + LANE_BAND + 40 : INNER + 20;
      for (int r = 0; r < ranks; r++) {
        colLeft[r] = x;
        colRight[r] = x + colW[r];
        x += colW[r] + GAP;
      }
      double right = x - GAP + (lanes ? 40 : INNER);
      double y = lanes ? POOL_Y : INNER;
      bandTop = y;
      boolean first = true;
      for (Role role : Role.values()) {
        List<Node> inLane = nodes.values().stream().filter(n -> n.role == role).toList();
        if (inLane.isEmpty()) {
          continue;
        }
        double laneTop = y;
        if (first && !banded.isEmpty()) {
          y += BAND_STEP * (banded.size() + 1) - VPAD / 2.0;
        }
        first = false;
        int tracks = inLane.stream().mapToInt(n -> n.track).max().orElse(0) + 1;
        Map<Integer, double[]> laneRows = new TreeMap<>();
        for (int t = 0; t < tracks; t++) {
          final int track = t;
          double rowH = inLane.stream().filter(n -> n.track == track).mapToDouble(n -> n.h).max().orElse(80) + 2 * VPAD;
          laneRows.put(t, new double[] {y, y + rowH});
          y += rowH;
        }
        rows.put(role, laneRows);
        laneBounds.put(role, new double[] {POOL_X + POOL_BAND, laneTop, right - POOL_X - POOL_BAND, y - laneTop});
      }
      for (Node n : nodes.values()) {
        double[] row = rows.get(n.role).get(n.track);
        n.x = colLeft[n.rank] + (colW[n.rank] - n.w) / 2.0;
        n.y = row[0] + (row[1] - row[0] - n.h) / 2.0;
        if (n.element instanceof Activity) {
          // boundary events on the bottom edge, from the right
          int i = 0;
          for (BoundaryEvent b : n.boundaries) {
            double bcx = n.x + n.w - 22 - i * 44;
            boundaryBounds.put(b, new double[] {bcx - EVENT / 2.0, n.y + n.h - EVENT / 2.0, EVENT, EVENT});
            i++;
          }
        }
      }
      width = (int) Math.round(right - (lanes ? POOL_X : 0));
      height = (int) Math.round(y - (lanes ? POOL_Y : 0) + (lanes ? 0 : INNER));
    }

    boolean rowFree(Node row, int fromRank, int toRank) {
      for (Node n : nodes.values()) {
        if (n.role == row.role && n.track == row.track && n.rank > fromRank && n.rank < toRank) {
          return false;
        }
      }
      return true;
    }

    void route(Edge e) {
      Node s = e.source;
      Node t = e.target;
      List<double[]> p = e.points;
      double tx = t.x;
      double ty = t.cy();
      double gapAfter = colRight[s.rank] + GAP / 3.0;
      double gapBefore = colLeft[t.rank] - GAP / 3.0;
      if (e.boundary != null) {
        double[] b = boundaryBounds.get(e.boundary);
        double bx = b[0] + EVENT / 2.0;
        double by = b[1] + EVENT;
        double channel = rowBottom(s) - 12;
        p.add(new double[] {bx, by});
        p.add(new double[] {bx, channel});
        double vx = t.rank > s.rank ? gapBefore : gapAfter;
        p.add(new double[] {vx, channel});
        p.add(new double[] {vx, ty});
        p.add(new double[] {tx, ty});
        e.label = new double[] {bx + 6, by + 2};
        return;
      }
      double sy = s.cy();
      double sx = s.x + s.w;
      if (e.back) {
        boolean sameRow = s.role == t.role && s.track == t.track;
        double channel = Math.max(rowBottom(s), rowBottom(t)) - 10;
        if (sameRow) {
          p.add(new double[] {s.cx(), s.y + s.h});
          p.add(new double[] {s.cx(), channel});
          p.add(new double[] {t.cx(), channel});
          p.add(new double[] {t.cx(), t.y + t.h});
          e.label = new double[] {s.cx() + 6, s.y + s.h + 2};
        } else {
          p.add(new double[] {sx, sy});
          p.add(new double[] {gapAfter, sy});
          p.add(new double[] {gapAfter, channel});
          p.add(new double[] {gapBefore, channel});
          p.add(new double[] {gapBefore, ty});
          p.add(new double[] {tx, ty});
          e.label = new double[] {sx + 4, sy - 24};
        }
        return;
      }
      boolean sameRow = s.role == t.role && s.track == t.track;
      if (sameRow && rowFree(s, s.rank, t.rank)) {
        p.add(new double[] {sx, sy});
        p.add(new double[] {tx, ty});
        e.label = new double[] {sx + 4, sy - 24};
        return;
      }
      p.add(new double[] {sx, sy});
      if (t.rank == s.rank + 1) {
        double gx = colRight[s.rank] + GAP / 2.0;
        p.add(new double[] {gx, sy});
        p.add(new double[] {gx, ty});
        e.label = new double[] {gx + 4, ty - 24};
      } else if (rowFree(t, s.rank, t.rank)) {
        p.add(new double[] {gapAfter, sy});
        p.add(new double[] {gapAfter, ty});
        e.label = new double[] {gapAfter + 4, ty - 24};
      } else if (rowFree(s, s.rank, t.rank)) {
        p.add(new double[] {gapBefore, sy});
        p.add(new double[] {gapBefore, ty});
        e.label = new double[] {sx + 4, sy - 24};
      } else {
        double channel = ty > sy ? rowTop(t) + 8 : rowBottom(t) - 8;
        p.add(new double[] {gapAfter, sy});
        p.add(new double[] {gapAfter, channel});
        p.add(new double[] {gapBefore, channel});
        p.add(new double[] {gapBefore, ty});
        e.label = new double[] {gapBefore + 4, ty - 24};
      }
      p.add(new double[] {tx, ty});
    }

    void translate(double dx, double dy) {
      for (Node n : nodes.values()) {
        n.x += dx;
        n.y += dy;
        if (n.inner != null) {
          n.inner.translate(dx, dy);
        }
      }
      for (double[] b : boundaryBounds.values()) {
        b[0] += dx;
        b[1] += dy;
      }
      for (Edge e : edges) {
        for (double[] pt : e.points) {
          pt[0] += dx;
          pt[1] += dy;
        }
        if (e.label != null) {
          e.label[0] += dx;
          e.label[1] += dy;
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  static final class Drawing {
    final BpmnModelInstance model;
    final Process process;
    BpmnPlane plane;

    Drawing(BpmnModelInstance model, Process process) {
      this.model = model;
      this.process = process;
    }

    void draw() {
      Level top = new Level(true);
      top.build(process.getFlowElements());
      top.place();
      for (Node n : top.nodes.values()) {
        if (n.inner != null) {
          n.inner.translate(n.x, n.y);
        }
      }
      // pool and lanes (the lanes are documentation: the engine ignores them)
      Collaboration collaboration = model.newInstance(Collaboration.class);
      collaboration.setId("Collaboration_" + process.getId());
      model.getDefinitions().getRootElements().add(collaboration);
      Participant participant = model.newInstance(Participant.class);
      participant.setId("Participant_" + process.getId());
      participant.setName(process.getName());
      participant.setProcess(process);
      collaboration.getParticipants().add(participant);
      LaneSet laneSet = model.newInstance(LaneSet.class);
      laneSet.setId("LaneSet_" + process.getId());
      process.getLaneSets().add(laneSet);
      Map<Role, Lane> lanes = new LinkedHashMap<>();
      for (Role role : top.laneBounds.keySet()) {
        Lane lane = model.newInstance(Lane.class);
        lane.setId("Lane_" + role.suffix());
        lane.setName(role.label);
        laneSet.getLanes().add(lane);
        lanes.put(role, lane);
      }
      for (Node n : top.nodes.values()) {
        lanes.get(n.role).getFlowNodeRefs().add(n.element);
        for (BoundaryEvent b : n.boundaries) {
          lanes.get(n.role).getFlowNodeRefs().add(b);
        }
      }

      BpmnDiagram diagram = model.newInstance(BpmnDiagram.class);
      diagram.setId("Diagram_" + process.getId());
      model.getDefinitions().addChildElement(diagram);
      plane = model.newInstance(BpmnPlane.class);
      plane.setId("Plane_" + process.getId());
      plane.setBpmnElement(collaboration);
      diagram.setBpmnPlane(plane);

      double poolH = top.laneBounds.values().stream().mapToDouble(b -> b[1] + b[3]).max().orElse(0) - POOL_Y;
      shape(participant, POOL_X, POOL_Y, top.width, poolH, true, null);
      for (Map.Entry<Role, double[]> lb : top.laneBounds.entrySet()) {
        double[] b = lb.getValue();
        shape(lanes.get(lb.getKey()), b[0], b[1], b[2], b[3], true, null);
      }
      drawLevel(top);
    }

    void drawLevel(Level level) {
      for (Node n : level.nodes.values()) {
        double[] label = null;
        if (n.element instanceof Event) {
          double[] size = LabelPlacement.size(n.element.getAttributeValue("name"), 100);
          label = new double[] {n.cx() - size[0] / 2, n.y + n.h + 4, size[0], size[1]};
        } else if (n.element instanceof Gateway) {
          double[] size = LabelPlacement.size(n.element.getAttributeValue("name"), 130);
          label = new double[] {n.cx() - size[0] / 2, n.y - size[1] - 7, size[0], size[1]};
        }
        shape(n.element, n.x, n.y, n.w, n.h, n.inner != null ? Boolean.TRUE : null, label);
        if (n.inner != null) {
          drawLevel(n.inner);
        }
      }
      for (Map.Entry<BoundaryEvent, double[]> be : level.boundaryBounds.entrySet()) {
        double[] b = be.getValue();
        double[] size = LabelPlacement.size(be.getKey().getName(), 100);
        shape(be.getKey(), b[0], b[1], b[2], b[3], null,
            new double[] {b[0] - size[0] - 6, b[1] + b[3] + 2, size[0], size[1]});
      }
      for (Edge e : level.edges) {
        BpmnEdge edge = model.newInstance(BpmnEdge.class);
        edge.setId(e.flow.getId() + "_di");
        edge.setBpmnElement(e.flow);
        for (double[] pt : e.points) {
          Waypoint w = model.newInstance(Waypoint.class);
          w.setX(Math.round(pt[0]));
          w.setY(Math.round(pt[1]));
          edge.getWaypoints().add(w);
        }
        if (e.flow.getName() != null && e.label != null) {
          BpmnLabel l = model.newInstance(BpmnLabel.class);
          l.setId(e.flow.getId() + "_label");
          double[] size = LabelPlacement.size(e.flow.getName(), 90);
          l.setBounds(bounds(e.label[0], e.label[1], size[0], size[1]));
          edge.setBpmnLabel(l);
        }
        plane.getDiagramElements().add(edge);
      }
    }

    void shape(BaseElement element, double x, double y, double w, double h, Boolean horizontalOrExpanded,
        double[] label) {
      BpmnShape shape = model.newInstance(BpmnShape.class);
      shape.setId(element.getId() + "_di");
      shape.setBpmnElement(element);
      if (horizontalOrExpanded != null) {
        if (element instanceof SubProcess) {
          shape.setExpanded(true);
        } else {
          shape.setHorizontal(true);
        }
      }
      shape.setBounds(bounds(x, y, w, h));
      if (label != null) {
        BpmnLabel l = model.newInstance(BpmnLabel.class);
        l.setId(element.getId() + "_label");
        l.setBounds(bounds(label[0], label[1], label[2], label[3]));
        shape.setBpmnLabel(l);
      }
      plane.getDiagramElements().add(shape);
    }

    Bounds bounds(double x, double y, double w, double h) {
      Bounds b = model.newInstance(Bounds.class);
      b.setX(Math.round(x));
      b.setY(Math.round(y));
      b.setWidth(Math.round(w));
      b.setHeight(Math.round(h));
      return b;
    }
  }
}
