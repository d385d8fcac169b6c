//! Parts of a page the reader cannot see at first are built after its first paint, so that a
//! click on a link paints the new page's top in the very next frame.

use leptos::prelude::*;

/// Runs `then` in a task of its own after the frame that follows the next one: the page as built
/// now is painted first, and `then` is not part of the frame after either, which the browser may
/// start at once after a click, ahead of other tasks. Behind a published page's first view the
/// app is first painted when it takes over: `then` waits for that.
pub fn after_paint(then: impl FnOnce() + 'static) {
    after_paint_boxed(Box::new(then));
}

/// One copy of the scheduling for every caller.
fn after_paint_boxed(then: Box<dyn FnOnce()>) {
    if crate::first_view::waiting() {
        crate::first_view::after_hand_over(then);
    } else {
        crate::browser::before_next_frame(Box::new(move || crate::first_view::after_frame(then)));
    }
}

/// Shows `children` once the page has been painted (see [`after_paint`]).
#[component]
pub fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let painted = RwSignal::new(false);
    after_paint(move || {
        painted.try_set(true);
    });
    view! { {move || painted.get().then(|| children())} }
}
