//! Waiting for several loads at once.

use std::future::Future;
use std::task::Poll;

/// The outputs of `loads`, in order, run side by side: what `futures`' `join_all` does, without
/// the task queue and heap it brings for long lists (≈ 1.7 KB brotli in the wasm; a homepage's
/// handful of editor's picks needs neither).
pub async fn side_by_side<F: Future>(loads: impl Iterator<Item = F>) -> Vec<F::Output> {
    let mut loads: Vec<_> = loads.map(|load| (Box::pin(load), None)).collect();
    std::future::poll_fn(move |context| {
        let mut waiting = false;
        for (load, output) in &mut loads {
            if output.is_none() {
                match load.as_mut().poll(context) {
                    Poll::Ready(answer) => *output = Some(answer),
                    Poll::Pending => waiting = true,
                }
            }
        }
        if waiting { Poll::Pending } else { Poll::Ready(loads.iter_mut().filter_map(|(_, output)| output.take()).collect()) }
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::pin::pin;
    use std::rc::Rc;
    use std::task::{Context, Waker};

    /// Answers `value` after being polled `waits` times without an answer; counts its polls.
    async fn after(waits: u32, value: &'static str, polls: Rc<Cell<u32>>) -> &'static str {
        let mut left = waits;
        std::future::poll_fn(|_| {
            polls.set(polls.get() + 1);
            if left == 0 { Poll::Ready(value) } else { left -= 1; Poll::Pending }
        })
        .await
    }

    #[test]
    fn answers_in_order_once_all_have_answered_and_polls_each_until_its_answer() {
        let polls = [Rc::new(Cell::new(0)), Rc::new(Cell::new(0)), Rc::new(Cell::new(0))];
        let loads = [(2, "slow"), (0, "quick"), (1, "middle")].into_iter().zip(polls.clone()).map(|((waits, value), polls)| after(waits, value, polls));
        let mut all = pin!(side_by_side(loads));
        let mut context = Context::from_waker(Waker::noop());
        // Every load is started at the first poll, not after the one before it has answered.
        assert_eq!(all.as_mut().poll(&mut context), Poll::Pending);
        assert_eq!(polls.iter().map(|p| p.get()).collect::<Vec<_>>(), [1, 1, 1]);
        assert_eq!(all.as_mut().poll(&mut context), Poll::Pending);
        assert_eq!(all.as_mut().poll(&mut context), Poll::Ready(vec!["slow", "quick", "middle"]));
        // A load that answered is not polled again.
        assert_eq!(polls.iter().map(|p| p.get()).collect::<Vec<_>>(), [3, 1, 2]);
    }

    #[test]
    fn nothing_to_wait_for_is_an_empty_answer() {
        let mut all = pin!(side_by_side(std::iter::empty::<std::future::Ready<u8>>()));
        assert_eq!(all.as_mut().poll(&mut Context::from_waker(Waker::noop())), Poll::Ready(Vec::new()));
    }
}
