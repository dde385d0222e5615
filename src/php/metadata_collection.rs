//! `RdKafka\Metadata\Collection`: a countable, iterable list of metadata objects.

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use ext_php_rs::zend::ce;

use super::exception::exception;

#[php_class]
#[php(name = "RdKafka\\Metadata\\Collection")]
#[php(implements(ce = ce::countable, stub = "\\Countable"))]
#[php(implements(ce = ce::iterator, stub = "\\Iterator"))]
pub struct Collection {
    items: Vec<Zval>,
    position: usize,
}

impl Collection {
    pub fn of(items: impl Iterator<Item = PhpResult<Zval>>) -> PhpResult<Self> {
        Ok(Self { items: items.collect::<PhpResult<Vec<Zval>>>()?, position: 0 })
    }
}

impl super::debug_info::DebugView for Collection {
    fn debug_view(&self) -> ext_php_rs::boxed::ZBox<ext_php_rs::types::ZendHashTable> {
        let mut items = ext_php_rs::types::ZendHashTable::new();
        for item in &self.items {
            let _ = items.push(item.shallow_clone());
        }
        items
    }
}

impl super::gc::HoldsZvals for Collection {
    fn visit_zvals(&self, visit: &mut dyn FnMut(&Zval)) {
        self.items.iter().for_each(visit);
    }
}

#[php_impl]
impl Collection {
    #[php(vis = "private")]
    pub fn __construct() -> PhpResult<Self> {
        Err(exception("RdKafka\\Metadata\\Collection is returned by getMetadata() and cannot be created directly", 0))
    }

    pub fn count(&self) -> i64 {
        i64::try_from(self.items.len()).unwrap_or(i64::MAX)
    }

    pub fn rewind(&mut self) {
        self.position = 0;
    }

    pub fn current(&self) -> PhpResult<Zval> {
        self.items
            .get(self.position)
            .map(Zval::shallow_clone)
            .ok_or_else(|| exception("Called current() on invalid iterator", 0))
    }

    pub fn key(&self) -> PhpResult<i64> {
        if self.position >= self.items.len() {
            return Err(exception("Called key() on invalid iterator", 0));
        }
        Ok(i64::try_from(self.position).unwrap_or(i64::MAX))
    }

    pub fn next(&mut self) {
        self.position = self.position.saturating_add(1);
    }

    pub fn valid(&self) -> bool {
        self.position < self.items.len()
    }
}
