//! Watching elements cross the edge of the viewport, with an `IntersectionObserver`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverInit};

/// Calls `on_cross` whenever one of the watched elements crosses the viewport's edge, moved out
/// or in by `root_margin` (CSS margin syntax), and once when the watch starts. Dropping it stops
/// the watch.
pub struct CrossingWatch {
    observer: IntersectionObserver,
    _callback: Closure<dyn FnMut()>,
}

impl CrossingWatch {
    /// `None` where the browser has no `IntersectionObserver`.
    pub fn start(targets: &[Element], root_margin: &str, on_cross: impl FnMut() + 'static) -> Option<CrossingWatch> {
        let callback = Closure::<dyn FnMut()>::new(on_cross);
        let options = IntersectionObserverInit::new();
        options.set_root_margin(root_margin);
        let observer = IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &options).ok()?;
        for target in targets {
            observer.observe(target);
        }
        Some(CrossingWatch { observer, _callback: callback })
    }
}

impl Drop for CrossingWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
