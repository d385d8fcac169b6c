//! Loading content for the pages in one type-erased resource.

use leptos::prelude::*;
use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

/// A content load for the pages: a [`LocalResource`] that keeps its answer type-erased, so that
/// the framework's resource code is compiled once, not once for each type of answer (nor once
/// for each place that loads one).
pub fn resource<T: 'static, Fut: Future<Output = T> + 'static>(fetch: impl Fn() -> Fut + 'static) -> Load<T> {
    let fetch: Box<dyn Fn() -> Pin<Box<dyn Future<Output = Answer>>>> = Box::new(move || {
        let answer = fetch();
        Box::pin(async move { Rc::new(answer.await) as Answer })
    });
    Load { answers: LocalResource::new(fetch), answer: PhantomData }
}

type Answer = Rc<dyn Any>;

/// What [`resource`] loads: an answer of type `T`, once it came.
pub struct Load<T> {
    answers: LocalResource<Answer>,
    answer: PhantomData<fn() -> T>,
}

impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Load<T> {}

impl<T: Clone + 'static> Load<T> {
    /// The answer, once it came; tracked, and suspends a `<Suspense>`/`<Transition>` around it
    /// until then, as [`LocalResource::get`] does.
    pub fn get(&self) -> Option<T> {
        // The answer was made as a `T` by `resource`: the downcast always succeeds.
        self.answers.get().and_then(|answer| answer.downcast_ref::<T>().cloned())
    }

    /// Loads again.
    pub fn refetch(&self) {
        self.answers.refetch();
    }
}
