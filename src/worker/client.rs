//! The page's side of the analyses' worker: starts it on the page's own wasm module, posts each request and
//! hands back the answers. If the worker cannot start (no Worker, a host that refuses the script, a start
//! that never finishes), the analyses run in the page instead and the page says so once.

use super::job::{decode, encode, Reply, Request};
use js_sys::{Object, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};

/// The worker's script, relative to the page (Trunk copies `public/` beside `index.html`).
const WORKER_SCRIPT: &str = "public/analysis-worker.js";

/// A worker that has not said it is ready after this long is given up for the page.
const START_TIMEOUT_MS: i32 = 15_000;

/// What the worker says back.
pub enum Heard {
    /// It is ready: requests go to it from now on.
    Ready,
    /// It cannot analyse here (the message says why): analyse in the page.
    GaveUp(String),
    /// The answer to a request.
    Answer(Reply),
    /// A request failed in the worker (the message says why); the worker is replaced for the next one.
    Failed(String),
}

struct Inner {
    worker: Option<Worker>,
    /// The newest request made while the worker was starting.
    waiting: Option<Vec<u8>>,
    ready: bool,
    /// Counts the workers started, so that a start's timeout knows whether its worker is still the one.
    spawned: u64,
    /// The handlers of every worker started: the browser may still call one that is running while its worker
    /// is replaced, so none is dropped (a worker is replaced only when one fails).
    handlers: Vec<Handlers>,
}

type Handlers = (
    Closure<dyn FnMut(MessageEvent)>,
    Closure<dyn FnMut(web_sys::Event)>,
);

/// The worker's handle on the page. Clones share the worker.
#[derive(Clone)]
pub struct Analyst {
    inner: Rc<RefCell<Inner>>,
    hear: Rc<dyn Fn(Heard)>,
}

/// The URL of the page's wasm-bindgen glue: Trunk preloads it with a `modulepreload` link.
fn glue_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let list = document
        .query_selector_all("link[rel=modulepreload]")
        .ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|l| Reflect::get(&l, &"href".into()).ok()?.as_string())
        .find(|href| href.ends_with(".js"))
}

fn worker_url() -> Option<String> {
    let base = web_sys::window()?.document()?.base_uri().ok()??;
    web_sys::Url::new_with_base(WORKER_SCRIPT, &base)
        .ok()
        .map(|u| u.href())
}

fn text(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| {
            v.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "unknown error".into())
}

impl Analyst {
    /// Starts the worker; `hear` is told when it is ready, gives up, answers or fails.
    pub fn start(hear: impl Fn(Heard) + 'static) -> Analyst {
        let analyst = Analyst {
            inner: Rc::new(RefCell::new(Inner {
                worker: None,
                waiting: None,
                ready: false,
                spawned: 0,
                handlers: Vec::new(),
            })),
            hear: Rc::new(hear),
        };
        if let Err(why) = analyst.spawn() {
            (analyst.hear)(Heard::GaveUp(why));
        }
        analyst
    }

    fn spawn(&self) -> Result<(), String> {
        let glue = glue_url().ok_or("the page's module script is not announced")?;
        let url = worker_url().ok_or("no address for the worker script")?;
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(&url, &options).map_err(|e| text(&e))?;

        let me = self.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            me.on_message(ev.data());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // A script that cannot be fetched or parsed (a 404, a host's policy) ends up here, not in a throw.
        let me = self.clone();
        // A failed script load sends a plain `Event`; an error thrown in the worker, an `ErrorEvent`.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
            ev.prevent_default();
            let why = Reflect::get(&ev, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "its script could not be loaded".into());
            me.lost(format!("the worker stopped: {why}"));
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let spawned = self.inner.borrow().spawned + 1;
        let me = self.clone();
        let timeout = Closure::once_into_js(move || {
            let stuck = {
                let inner = me.inner.borrow();
                inner.spawned == spawned && inner.worker.is_some() && !inner.ready
            };
            if stuck {
                me.lost("the worker did not start in time".into());
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                timeout.unchecked_ref(),
                START_TIMEOUT_MS,
            );
        }

        // The compiled module goes along, so the worker neither downloads nor compiles it again.
        let boot = Object::new();
        let _ = Reflect::set(&boot, &"glue".into(), &glue.into());
        let _ = Reflect::set(&boot, &"module".into(), &wasm_bindgen::module());
        let message = Object::new();
        let _ = Reflect::set(&message, &"boot".into(), &boot);
        worker.post_message(&message).map_err(|e| text(&e))?;

        let mut inner = self.inner.borrow_mut();
        inner.worker = Some(worker);
        inner.ready = false;
        inner.spawned = spawned;
        inner.handlers.push((on_message, on_error));
        Ok(())
    }

    fn on_message(&self, data: JsValue) {
        let get = |key: &str| Reflect::get(&data, &key.into()).unwrap_or(JsValue::UNDEFINED);
        if get("ready").is_truthy() {
            let waiting = {
                let mut inner = self.inner.borrow_mut();
                inner.ready = true;
                inner.waiting.take()
            };
            (self.hear)(Heard::Ready);
            if let Some(bytes) = waiting {
                self.post(&bytes);
            }
            return;
        }
        let reply = get("reply");
        if let Some(bytes) = reply.dyn_ref::<Uint8Array>() {
            match decode::<Reply>(&bytes.to_vec()) {
                Ok(reply) => (self.hear)(Heard::Answer(reply)),
                Err(e) => (self.hear)(Heard::Failed(e.to_string())),
            }
            return;
        }
        let failed = get("failed");
        if !failed.is_undefined() {
            let why = text(&failed);
            if self.inner.borrow().ready {
                // A request that failed may have left the module's memory inconsistent: a new worker
                // takes the next request.
                self.stop();
                (self.hear)(Heard::Failed(why));
                if let Err(why) = self.spawn() {
                    (self.hear)(Heard::GaveUp(why));
                }
            } else {
                self.lost(why);
            }
        }
    }

    /// The worker is gone before it was ready, or failed after: the page takes over.
    fn lost(&self, why: String) {
        let was_ready = self.inner.borrow().ready;
        self.stop();
        if was_ready {
            (self.hear)(Heard::Failed(why));
        } else {
            (self.hear)(Heard::GaveUp(why));
        }
    }

    fn stop(&self) {
        let mut inner = self.inner.borrow_mut();
        if let Some(w) = inner.worker.take() {
            w.set_onmessage(None);
            w.set_onerror(None);
            w.terminate();
        }
        inner.ready = false;
        inner.waiting = None;
    }

    fn post(&self, bytes: &[u8]) {
        let inner = self.inner.borrow();
        let Some(worker) = inner.worker.as_ref() else {
            return;
        };
        let array = Uint8Array::from(bytes);
        let message = Object::new();
        let _ = Reflect::set(&message, &"request".into(), &array);
        let transfer = js_sys::Array::of1(&array.buffer());
        if let Err(e) = worker.post_message_with_transfer(&message, &transfer) {
            drop(inner);
            self.lost(text(&e));
        }
    }

    /// Sends a request (a newer one supersedes it); false if there is no worker to send it to.
    pub fn submit(&self, request: &Request) -> bool {
        let bytes = encode(request);
        let ready = {
            let mut inner = self.inner.borrow_mut();
            if inner.worker.is_none() {
                return false;
            }
            if !inner.ready {
                inner.waiting = Some(bytes.clone());
            }
            inner.ready
        };
        if ready {
            self.post(&bytes);
        }
        true
    }
}
