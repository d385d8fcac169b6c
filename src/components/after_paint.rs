//! Parts of a page the reader cannot see at first are built after its first paint, so that a
//! click on a link paints the new page's top in the very next frame.

use leptos::prelude::*;

/// Shows `children` in the frame after the page's first one.
#[component]
pub fn AfterPaint(children: ChildrenFn) -> impl IntoView {
    let painted = RwSignal::new(false);
    // Asked for during the first frame, a callback runs in the second.
    request_animation_frame(move || {
        request_animation_frame(move || {
            painted.try_set(true);
        })
    });
    move || painted.get().then(|| children())
}
