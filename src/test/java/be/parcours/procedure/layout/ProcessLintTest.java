package be.parcours.procedure.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every model of {@code processes/} keeps so that a supervisor can read it in Cockpit and
 * the engine runs it safely. Each rule lists every offender, so a failure says what to fix.
 */
class ProcessLintTest {

  /** A readable id: a kind, an underscore, words in CamelCase (no UUID, no number soup). */
  static final Pattern READABLE_ID = Pattern.compile(
      "(StartEvent|EndEvent|Task|Gateway|Timer|Msg|CallActivity|SubProcess|Event)_[A-Z][a-z]+([A-Z0-9][a-z0-9]*)*");
  static final Pattern GENERATED = Pattern.compile("[0-9a-f]{8}-|_[0-9a-z]{7}$|^Activity_|Flow_[0-9]|Gateway_[0-9]");

  static List<Path> models() throws IOException {
    return ProcessLayout.models(Path.of("processes"));
  }

  static BpmnModelInstance read(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  static String describe(BaseElement e) {
    return e.getId();
  }

  @ParameterizedTest
  @MethodSource("models")
  void no_two_shapes_overlap(Path file) {
    BpmnModelInstance model = read(file);
    List<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> !(s.getBpmnElement() instanceof Participant) && !(s.getBpmnElement() instanceof Lane))
        .toList();
    List<String> overlaps = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      for (int j = i + 1; j < shapes.size(); j++) {
        BpmnShape a = shapes.get(i);
        BpmnShape b = shapes.get(j);
        if (related(a.getBpmnElement(), b.getBpmnElement())) {
          continue;
        }
        if (intersect(a.getBounds(), b.getBounds())) {
          overlaps.add(a.getBpmnElement().getId() + " / " + b.getBpmnElement().getId());
        }
      }
    }
    assertThat(overlaps).as(file + ": overlapping shapes").isEmpty();
  }

  /**
   * Names stay readable: no label (of an event, a gateway or a flow) lies on a shape other than its
   * own element's, or on another label. Labels are drawn where their DI bounds say (bpmn-js).
   */
  @ParameterizedTest
  @MethodSource("models")
  void no_label_lies_on_a_shape_or_on_another_label(Path file) {
    BpmnModelInstance model = read(file);
    List<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> !(s.getBpmnElement() instanceof Participant) && !(s.getBpmnElement() instanceof Lane)
            && !(s.getBpmnElement() instanceof SubProcess))
        .toList();
    record Label(String of, BaseElement element, Bounds bounds) {}
    List<Label> labels = new ArrayList<>();
    for (BpmnShape s : shapes) {
      if (s.getBpmnLabel() != null && s.getBpmnLabel().getBounds() != null) {
        labels.add(new Label(s.getBpmnElement().getId(), s.getBpmnElement(), s.getBpmnLabel().getBounds()));
      }
    }
    for (BpmnEdge e : model.getModelElementsByType(BpmnEdge.class)) {
      if (e.getBpmnLabel() != null && e.getBpmnLabel().getBounds() != null
          && e.getBpmnElement() instanceof SequenceFlow f && f.getName() != null) {
        labels.add(new Label(f.getId(), f, e.getBpmnLabel().getBounds()));
      }
    }
    List<String> collisions = new ArrayList<>();
    for (Label l : labels) {
      for (BpmnShape s : shapes) {
        BaseElement e = s.getBpmnElement();
        if (e != l.element() && intersect(l.bounds(), s.getBounds())) {
          collisions.add(l.of() + " label on " + e.getId());
        }
      }
    }
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        if (intersect(labels.get(i).bounds(), labels.get(j).bounds())) {
          collisions.add(labels.get(i).of() + " label on " + labels.get(j).of() + " label");
        }
      }
    }
    assertThat(collisions).as(file + ": labels lying on shapes or labels").isEmpty();
  }

  /** A boundary event sits on its activity; a subprocess holds its content. */
  static boolean related(BaseElement a, BaseElement b) {
    if (a instanceof BoundaryEvent be && be.getAttachedTo() == b || b instanceof BoundaryEvent be2 && be2.getAttachedTo() == a) {
      return true;
    }
    return inside(a, b) || inside(b, a);
  }

  static boolean inside(BaseElement child, BaseElement container) {
    if (!(container instanceof SubProcess)) {
      return false;
    }
    var parent = child.getParentElement();
    while (parent != null) {
      if (parent == container) {
        return true;
      }
      parent = parent.getParentElement();
    }
    if (child instanceof BoundaryEvent be) {
      return inside(be.getAttachedTo(), container) || be.getAttachedTo() == container;
    }
    return false;
  }

  static boolean intersect(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  @ParameterizedTest
  @MethodSource("models")
  void every_flow_node_has_a_shape_and_every_flow_an_edge(Path file) {
    BpmnModelInstance model = read(file);
    List<String> missing = model.getModelElementsByType(FlowNode.class).stream()
        .filter(n -> model.getModelElementsByType(BpmnShape.class).stream().noneMatch(s -> s.getBpmnElement() == n))
        .map(FlowNode::getId).toList();
    assertThat(missing).as(file + ": flow nodes without a shape").isEmpty();
    long edges = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge.class).size();
    assertThat(edges).isEqualTo(model.getModelElementsByType(SequenceFlow.class).size());
  }

  @ParameterizedTest
  @MethodSource("models")
  void every_flow_node_has_a_french_name_and_a_readable_id(Path file) {
    BpmnModelInstance model = read(file);
    List<String> bad = new ArrayList<>();
    for (FlowNode n : model.getModelElementsByType(FlowNode.class)) {
      String name = n.getName();
      if (name == null || name.isBlank() || name.equals(n.getId()) || name.contains("_")
          || !name.matches(".*[a-zà-ÿ].*") || Character.isLowerCase(name.charAt(0))) {
        bad.add(n.getId() + " named '" + name + "'");
      }
      if (!READABLE_ID.matcher(n.getId()).matches() || GENERATED.matcher(n.getId()).find()) {
        bad.add(n.getId() + ": not a readable id");
      }
    }
    assertThat(bad).as(file + ": names and ids").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void splitting_gateways_ask_a_question_label_their_flows_and_have_a_default(Path file) {
    BpmnModelInstance model = read(file);
    List<String> bad = new ArrayList<>();
    for (FlowNode g : model.getModelElementsByType(FlowNode.class)) {
      if (!(g instanceof ExclusiveGateway || g instanceof InclusiveGateway) || g.getOutgoing().size() < 2) {
        continue;
      }
      if (g.getName() == null || !g.getName().trim().endsWith("?")) {
        bad.add(g.getId() + ": not a question ('" + g.getName() + "')");
      }
      SequenceFlow def = g instanceof ExclusiveGateway x ? x.getDefault() : ((InclusiveGateway) g).getDefault();
      if (def == null) {
        bad.add(g.getId() + ": no default flow");
      } else if (def.getConditionExpression() != null) {
        bad.add(g.getId() + ": its default flow has a condition");
      }
      for (SequenceFlow f : g.getOutgoing()) {
        if (f.getName() == null || f.getName().isBlank()) {
          bad.add(g.getId() + ": flow " + f.getId() + " has no label");
        }
        if (f != def && f.getConditionExpression() == null) {
          bad.add(g.getId() + ": flow " + f.getName() + " has no condition");
        }
      }
    }
    assertThat(bad).as(file + ": splitting gateways").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void automatic_steps_run_after_a_commit_with_retries(Path file) {
    BpmnModelInstance model = read(file);
    List<String> bad = new ArrayList<>();
    for (Activity a : model.getModelElementsByType(Activity.class)) {
      if (a instanceof ServiceTask || a instanceof BusinessRuleTask || a instanceof SendTask) {
        if (!a.isCamundaAsyncBefore()) {
          bad.add(a.getId() + ": not asyncBefore");
        }
        if (a.getExtensionElements() == null || a.getExtensionElements().getDomElement().getChildElements().stream()
            .noneMatch(c -> c.getLocalName().equals("failedJobRetryTimeCycle"))) {
          bad.add(a.getId() + ": no retry cycle");
        }
      }
    }
    assertThat(bad).as(file + ": automatic steps").isEmpty();
  }

  @ParameterizedTest
  @MethodSource("models")
  void every_process_has_a_history_time_to_live_and_is_not_startable_in_tasklist(Path file) {
    for (Process p : read(file).getModelElementsByType(Process.class)) {
      assertThat(p.getCamundaHistoryTimeToLiveString()).as(p.getId()).isNotBlank();
      assertThat(p.isCamundaStartableInTasklist()).as(p.getId()).isFalse();
    }
  }

  @ParameterizedTest
  @MethodSource("models")
  void boundary_events_sit_on_the_edge_of_their_activity(Path file) {
    BpmnModelInstance model = read(file);
    Map<String, Bounds> bounds = model.getModelElementsByType(BpmnShape.class).stream()
        .collect(Collectors.toMap(s -> s.getBpmnElement().getId(), BpmnShape::getBounds));
    List<String> bad = new ArrayList<>();
    for (BoundaryEvent b : model.getModelElementsByType(BoundaryEvent.class)) {
      Bounds e = bounds.get(b.getId());
      Bounds host = bounds.get(b.getAttachedTo().getId());
      double cx = e.getX() + e.getWidth() / 2;
      double cy = e.getY() + e.getHeight() / 2;
      boolean within = cx >= host.getX() && cx <= host.getX() + host.getWidth()
          && cy >= host.getY() && cy <= host.getY() + host.getHeight();
      boolean onEdge = Math.abs(cy - host.getY()) < 1 || Math.abs(cy - host.getY() - host.getHeight()) < 1
          || Math.abs(cx - host.getX()) < 1 || Math.abs(cx - host.getX() - host.getWidth()) < 1;
      if (!within || !onEdge) {
        bad.add(b.getId() + " is not on the edge of " + b.getAttachedTo().getId());
      }
    }
    assertThat(bad).as(file + ": boundary events").isEmpty();
  }
}
