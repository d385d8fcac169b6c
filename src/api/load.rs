//! Loading content for the pages: the app's own small resource, read in plain reactive closures,
//! in place of Leptos's `LocalResource` and `<Suspense>`/`<Transition>`, whose async machinery
//! cost ≈ 10 KB brotli (docs/size-plan.md).

use futures::FutureExt;
use leptos::prelude::*;
use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

/// A content load: runs `fetch` (which reads the signals it depends on, such as route params, to
/// build its future) at once and again whenever they change, and keeps the newest answer. Until
/// the next answer comes, the last one stays, as a `<Transition>` kept the page on screen.
pub fn resource<T: 'static, Fut: Future<Output = T> + 'static>(fetch: impl Fn() -> Fut + 'static) -> Load<T> {
    let fetch: Box<dyn Fn() -> Pin<Box<dyn Future<Output = Answer>>>> = Box::new(move || Box::pin(fetch().map(|answer| Rc::new(answer) as Answer)));
    Load { loads: Loads::start(fetch), answer: PhantomData }
}

/// The answer, type-erased so that the loading code is compiled once, not once for each type of
/// answer (nor once for each place that loads one).
type Answer = Rc<dyn Any>;

#[derive(Clone, Copy)]
struct Loads {
    answer: RwSignal<Option<Answer>, LocalStorage>,
    loading: RwSignal<bool>,
    again: Trigger,
}

impl Loads {
    fn start(fetch: Box<dyn Fn() -> Pin<Box<dyn Future<Output = Answer>>>>) -> Self {
        let loads = Loads { answer: RwSignal::new_local(None), loading: RwSignal::new(true), again: Trigger::new() };
        // Which run is the newest: an answer to an older one comes too late and is dropped.
        let run = StoredValue::new(0u64);
        let effect = RenderEffect::new(move |_| {
            loads.again.track();
            let answer = fetch();
            run.update_value(|n| *n += 1);
            let this = run.get_value();
            loads.loading.set(true);
            // Even an answer at hand (a story read before) comes in a task of its own, after the
            // effects the address's change woke: the heading focus (route_progress) takes the
            // heading on screen then for the last page's, as it did behind `<Transition>`.
            leptos::task::spawn_local(async move {
                let answer = answer.await;
                if run.try_get_value() == Some(this) {
                    loads.answer.try_set(Some(answer));
                    loads.loading.try_set(false);
                }
            });
        });
        // Runs as long as the view that loads.
        StoredValue::new_local(effect);
        loads
    }

    /// One callback type for every load's "Try again".
    fn retry(self) -> Callback<()> {
        Callback::new(move |_| self.again.notify())
    }
}

/// What [`resource`] loads: an answer of type `T`, once it came.
pub struct Load<T> {
    loads: Loads,
    answer: PhantomData<fn() -> T>,
}

impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Load<T> {}

impl<T: Clone + 'static> Load<T> {
    /// The newest answer, once one came; tracked.
    pub fn get(&self) -> Option<T> {
        // The answer was made as a `T` by `resource`: the downcast always succeeds.
        self.loads.answer.get().and_then(|answer| answer.downcast_ref::<T>().cloned())
    }
}

impl<T> Load<T> {
    /// Whether an answer is on its way (the first, or a newer one); tracked.
    pub fn loading(&self) -> Signal<bool> {
        self.loads.loading.into()
    }

    /// Loads again.
    pub fn refetch(&self) {
        self.loads.again.notify();
    }

    /// What "Try again" runs: [`Load::refetch`].
    pub fn retry(&self) -> Callback<()> {
        self.loads.retry()
    }
}
