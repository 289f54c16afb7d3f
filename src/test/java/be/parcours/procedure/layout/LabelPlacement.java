package be.parcours.procedure.layout;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Moves the labels of a drawn diagram (events, gateways, boundary events, named flows) off the
 * shapes and off each other: each label keeps its first position when it is free, otherwise takes the
 * first free one of its candidates (around its shape; along its flow, nearest the source first),
 * preferring places that no other flow runs through. What {@code ProcessLintTest} checks is what
 * this class ensures: a label it cannot free stays where it was, and the lint test names it.
 */
final class LabelPlacement {

  private record Box(double x, double y, double w, double h) {
    boolean hits(Box o) {
      return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    boolean crosses(double[] a, double[] b) {
      // an axis-parallel segment against the box (the layout draws only those)
      double minX = Math.min(a[0], b[0]);
      double maxX = Math.max(a[0], b[0]);
      double minY = Math.min(a[1], b[1]);
      double maxY = Math.max(a[1], b[1]);
      return minX < x + w && x < maxX + 0.5 && minY < y + h && y < maxY + 0.5;
    }
  }

  private record Obstacle(BaseElement element, Box box) {}

  private final List<Obstacle> shapes = new ArrayList<>();
  private final List<Box> placed = new ArrayList<>();
  private record Segment(BaseElement flow, double[] from, double[] to) {}

  private final List<Segment> segments = new ArrayList<>();

  private LabelPlacement() {}

  /** Roughly 6.5 px a character at the 11 px of bpmn-js labels; lines 14 px. */
  private static final double CHAR = 6.5;
  private static final double LINE = 14;

  /**
   * The box a label's text takes when bpmn-js writes it centred in at most {@code maxWidth}: short
   * names get a narrow box (they fit beside short flows), long ones wrap on more lines.
   */
  static double[] size(String text, double maxWidth) {
    if (text == null || text.isBlank()) {
      return new double[] {Math.min(maxWidth, 24), LINE + 4};
    }
    double width = Math.min(maxWidth, Math.max(24, Math.ceil(text.length() * CHAR) + 8));
    int lines = 0;
    double used = 0;
    for (String word : text.trim().split("\\s+")) {
      double ww = word.length() * CHAR;
      if (lines == 0 || used + CHAR + ww > width - 8) {
        lines++;
        used = ww;
      } else {
        used += CHAR + ww;
      }
    }
    return new double[] {width, lines * LINE + 4};
  }

  static void place(BpmnModelInstance model) {
    LabelPlacement p = new LabelPlacement();
    List<BpmnShape> all = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
    for (BpmnShape s : all) {
      BaseElement e = s.getBpmnElement();
      if (!(e instanceof Participant) && !(e instanceof Lane) && !(e instanceof SubProcess)) {
        p.shapes.add(new Obstacle(e, box(s.getBounds())));
      }
    }
    List<BpmnEdge> edges = new ArrayList<>(model.getModelElementsByType(BpmnEdge.class));
    for (BpmnEdge e : edges) {
      List<Waypoint> w = new ArrayList<>(e.getWaypoints());
      for (int i = 0; i + 1 < w.size(); i++) {
        p.segments.add(new Segment(e.getBpmnElement(), new double[] {w.get(i).getX(), w.get(i).getY()},
            new double[] {w.get(i + 1).getX(), w.get(i + 1).getY()}));
      }
    }
    // the labels of shapes first (they have fewer places to go), then the flows'
    for (BpmnShape s : all) {
      if (s.getBpmnLabel() != null && s.getBpmnLabel().getBounds() != null) {
        p.placeShapeLabel(s);
      }
    }
    for (BpmnEdge e : edges) {
      if (e.getBpmnLabel() != null && e.getBpmnLabel().getBounds() != null
          && e.getBpmnElement() instanceof SequenceFlow f && f.getName() != null) {
        p.placeFlowLabel(e);
      }
    }
  }

  private void placeShapeLabel(BpmnShape s) {
    Bounds lb = s.getBpmnLabel().getBounds();
    Box own = box(s.getBounds());
    double w = lb.getWidth();
    double h = lb.getHeight();
    List<Box> candidates = new ArrayList<>();
    candidates.add(box(lb));
    double cx = own.x + own.w / 2;
    boolean boundary = s.getBpmnElement() instanceof BoundaryEvent;
    for (double drop : new double[] {0, 14, 28, 42}) {
      if (boundary) {
        candidates.add(new Box(own.x - w - 6, own.y + own.h + 2 + drop, w, h));
        candidates.add(new Box(own.x + own.w + 6, own.y + own.h + 2 + drop, w, h));
      }
      candidates.add(new Box(cx - w / 2, own.y + own.h + 4 + drop, w, h));
      candidates.add(new Box(cx - w / 2, own.y - h - 4 - drop, w, h));
      candidates.add(new Box(own.x + own.w + 4, own.y + own.h / 2 - h / 2 + drop, w, h));
      candidates.add(new Box(own.x - w - 4, own.y + own.h / 2 - h / 2 + drop, w, h));
    }
    Box chosen = choose(candidates, s.getBpmnElement());
    set(lb, chosen);
  }

  private void placeFlowLabel(BpmnEdge e) {
    Bounds lb = e.getBpmnLabel().getBounds();
    String name = ((SequenceFlow) e.getBpmnElement()).getName();
    List<Box> candidates = new ArrayList<>();
    candidates.add(box(lb));
    List<Waypoint> pts = new ArrayList<>(e.getWaypoints());
    // the label as drawn, then narrower on more lines (it then fits beside a short flow)
    for (double maxWidth : new double[] {lb.getWidth(), 56}) {
      double[] size = size(name, maxWidth);
      double w = size[0];
      double h = size[1];
      for (int i = 0; i + 1 < pts.size(); i++) {
        double ax = pts.get(i).getX();
        double ay = pts.get(i).getY();
        double bx = pts.get(i + 1).getX();
        double by = pts.get(i + 1).getY();
        for (double t : new double[] {0.0, 0.25, 0.5, 0.75}) {
          double x = ax + (bx - ax) * t;
          double y = ay + (by - ay) * t;
          if (ay == by) { // horizontal: above, then below, the label starting at the point, or centred on it
            double dir = bx >= ax ? 1 : -1;
            double left = dir > 0 ? x + 4 : x - w - 4;
            candidates.add(new Box(left, y - h - 3, w, h));
            candidates.add(new Box(left, y + 3, w, h));
            candidates.add(new Box((ax + bx) / 2 - w / 2, y - h - 3, w, h));
            candidates.add(new Box((ax + bx) / 2 - w / 2, y + 3, w, h));
          } else { // vertical: to the right, then to the left
            double top = by >= ay ? y + 4 : y - h - 4;
            candidates.add(new Box(x + 4, top, w, h));
            candidates.add(new Box(x - w - 4, top, w, h));
          }
        }
      }
    }
    Box chosen = choose(candidates, e.getBpmnElement());
    set(lb, chosen);
  }

  /** The first candidate on no shape and no label, with no other flow through it if one exists. */
  private Box choose(List<Box> candidates, BaseElement owner) {
    Box free = null;
    for (Box c : candidates) {
      if (onShapeOrLabel(c, owner)) {
        continue;
      }
      if (!onOtherFlow(c, owner)) {
        placed.add(c);
        return c;
      }
      if (free == null) {
        free = c;
      }
    }
    Box chosen = free != null ? free : candidates.get(0);
    placed.add(chosen);
    return chosen;
  }

  private boolean onShapeOrLabel(Box c, BaseElement owner) {
    for (Obstacle o : shapes) {
      if (o.element() != owner && c.hits(o.box())) {
        return true;
      }
    }
    for (Box b : placed) {
      if (c.hits(b)) {
        return true;
      }
    }
    return false;
  }

  private boolean onOtherFlow(Box c, BaseElement owner) {
    for (Segment s : segments) {
      if (s.flow() != owner && c.crosses(s.from(), s.to())) {
        return true;
      }
    }
    return false;
  }

  private static Box box(Bounds b) {
    return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
  }

  private static void set(Bounds b, Box c) {
    b.setX(Math.round(c.x()));
    b.setY(Math.round(c.y()));
    b.setWidth(Math.round(c.w()));
    b.setHeight(Math.round(c.h()));
  }
}
