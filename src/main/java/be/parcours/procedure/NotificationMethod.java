package be.parcours.procedure;

/** How an authority's decision reached the person: it fixes the day the appeal period starts from. */
public enum NotificationMethod {
  /** Handed over (at the commune, the post, the office): notified that day. */
  HAND,
  /** By e-mail: notified the day it was sent. */
  EMAIL,
  /** By registered letter: deemed notified the third working day after posting (art. 39/57 §2). */
  REGISTERED_LETTER
}
