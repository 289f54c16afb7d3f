package be.parcours.procedure.layout;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;

/**
 * Counts the places where two sequence flows of a diagram cross: a segment of one flow properly
 * intersecting a segment of another (touching at an end, overlapping in line or leaving the same
 * shape does not count). What a reader of the diagram sees as "flows crossing".
 */
final class FlowCrossings {

  private FlowCrossings() {}

  record Segment(double x1, double y1, double x2, double y2) {}

  static int count(BpmnModelInstance model) {
    List<List<Segment>> flows = new ArrayList<>();
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      if (!(edge.getBpmnElement() instanceof SequenceFlow)) {
        continue;
      }
      List<Waypoint> points = List.copyOf(edge.getWaypoints());
      List<Segment> segments = new ArrayList<>();
      for (int i = 1; i < points.size(); i++) {
        segments.add(new Segment(points.get(i - 1).getX(), points.get(i - 1).getY(), points.get(i).getX(),
            points.get(i).getY()));
      }
      flows.add(segments);
    }
    int crossings = 0;
    for (int a = 0; a < flows.size(); a++) {
      for (int b = a + 1; b < flows.size(); b++) {
        for (Segment s : flows.get(a)) {
          for (Segment t : flows.get(b)) {
            if (properlyCross(s, t)) {
              crossings++;
            }
          }
        }
      }
    }
    return crossings;
  }

  /** Strictly inside both segments: shared ends (flows leaving or joining the same point) do not count. */
  static boolean properlyCross(Segment s, Segment t) {
    double d1 = side(t, s.x1(), s.y1());
    double d2 = side(t, s.x2(), s.y2());
    double d3 = side(s, t.x1(), t.y1());
    double d4 = side(s, t.x2(), t.y2());
    return d1 * d2 < 0 && d3 * d4 < 0;
  }

  private static double side(Segment s, double x, double y) {
    return (s.x2() - s.x1()) * (y - s.y1()) - (s.y2() - s.y1()) * (x - s.x1());
  }
}
