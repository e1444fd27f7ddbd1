"""``OwnKeysFirst``: a key bound to the focused widget's own action runs it at once.

Textual hands a key the focused widget does not handle in a ``key_`` method up the whole
tree, one message loop after another, to the app, which then looks for its binding starting
back at the focused widget. From the Debrief list that is four hops before the cursor moves
(some 0.6 ms in a busy hour, on every arrow key). The focused widget's own bindings come
first in the app's search too, so the binding that runs is the same.

The key goes the long way, as Textual sends it, when:

- the binding found is another namespace's action (``screen.add_program``, ``app.help``): it
  runs in the app's loop, as in Textual (a dialog pushed or a screen dismissed from the
  widget's own loop could wait on that loop);
- an ancestor has a ``key_`` method for it (the screen's ``escape`` clears a selection),
  which Textual runs before the bindings;
- the widget is not the focused one any more (keys faster than the app), or is loading.

An own action that declines (``check_action``, ``SkipAction``) is asked again on the long
way, as the app goes through the chain; none of ours has an effect before it declines.
"""

from __future__ import annotations

from textual import events


class OwnKeysFirst:
    """Mixed in before a focusable Textual widget that types no text (its ``_on_key``, if
    any, stops the keys it uses)."""

    async def _on_key(self, event: events.Key) -> None:
        await super()._on_key(event)  # type: ignore[misc]  # key_ methods first, as in Textual
        # Textual calls each class's _on_key in turn: Widget's (key_ methods) has run.
        event.prevent_default()
        if event._stop_propagation or not self._short_way(event):
            return
        # App._check_bindings for the first link of the focus chain: this widget's bindings
        # (with the user's keymap, as Screen._binding_chain applies it) for the key, in
        # order; the first one that runs wins. Priority bindings ran before the key reached
        # the widget.
        app = self.app  # type: ignore[attr-defined]
        bindings = self._bindings  # type: ignore[attr-defined]
        if keymap := app._keymap:
            bindings = bindings.copy()
            bindings.apply_keymap(keymap)  # a clash: Textual reports it on its own way
        for binding in bindings.key_to_bindings.get(event.key, ()):
            if binding.priority:
                continue
            if "." in binding.action.split("(", 1)[0]:
                return  # another namespace's action: the long way
            if await app.run_action(binding.action, self):
                event.stop()
                if (handled := getattr(app, "key_handled", None)) is not None:
                    handled(event)  # the keys typed behind it may go (KeysInOrder)
                return

    def _short_way(self, event: events.Key) -> bool:
        """Whether the key may skip its way up (see the module's docstring)."""
        app = self.app  # type: ignore[attr-defined]
        if app.focused is not self or self.loading:  # type: ignore[attr-defined]
            return False
        names = [f"{prefix}key_{name}" for name in event.name_aliases for prefix in ("", "_")]
        for node in self.ancestors:  # type: ignore[attr-defined]
            if node is app:
                break
            if any(getattr(node, name, None) is not None for name in names):
                return False
        return True
