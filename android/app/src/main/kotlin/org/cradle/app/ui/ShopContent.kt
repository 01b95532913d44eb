package org.cradle.app.ui

import androidx.compose.foundation.clickable
import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.Spacer
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.padding
import androidx.compose.foundation.lazy.LazyColumn
import androidx.compose.foundation.lazy.items
import androidx.compose.foundation.rememberScrollState
import androidx.compose.foundation.verticalScroll
import androidx.compose.material.icons.Icons
import androidx.compose.material.icons.automirrored.filled.List
import androidx.compose.material.icons.filled.ShoppingCart
import androidx.compose.material3.Badge
import androidx.compose.material3.BadgedBox
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.Icon
import androidx.compose.material3.IconButton
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.contentDescription
import androidx.compose.ui.semantics.heading
import androidx.compose.ui.semantics.semantics
import androidx.compose.ui.unit.dp
import org.cradle.viewmodel.Loadable
import org.cradle.viewmodel.ShopViewModel
import uniffi.cradle.Problem
import uniffi.cradle.shop.ProductCard
import uniffi.cradle.shop.ProductPage

/**
 * The shop: search over the catalogue on the phone, and suggestions for her
 * stage while the search is empty. The cart and her orders open from the
 * header; every price and label is the core's.
 */
@Composable
fun ShopContent(
    state: ShopViewModel.State,
    onQuery: (String) -> Unit,
    onOpen: (sku: String) -> Unit,
    onCart: () -> Unit,
    onOrders: () -> Unit,
    onUpdate: () -> Unit,
    onBag: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    val screen = (state.screen as? Loadable.Ready)?.value
    Column(modifier.fillMaxWidth().padding(16.dp), verticalArrangement = Arrangement.spacedBy(12.dp)) {
        Row(verticalAlignment = Alignment.CenterVertically) {
            Text(s.shop, style = MaterialTheme.typography.headlineMedium, modifier = Modifier.weight(1f).semantics { heading() })
            IconButton(onOrders) { Icon(Icons.AutoMirrored.Filled.List, contentDescription = s.myOrders) }
            val count = screen?.cartCount ?: 0u
            IconButton(onCart, Modifier.semantics { contentDescription = s.cartCount(count) }) {
                BadgedBox(badge = { if (count > 0u) Badge { Text(count.toString()) } }) {
                    Icon(Icons.Filled.ShoppingCart, contentDescription = null)
                }
            }
        }
        OutlinedButton(onBag, Modifier.heightIn(min = 48.dp)) { Text(s.hospitalBag) }
        OutlinedTextField(
            state.query,
            onQuery,
            Modifier.fillMaxWidth(),
            label = { Text(s.searchShop) },
            singleLine = true,
        )
        state.problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
        when (val st = state.screen) {
            is Loadable.Loading -> Text(s.loading)
            is Loadable.Failed -> Text(s.problem(st.error), color = MaterialTheme.colorScheme.error)
            is Loadable.Ready -> when {
                !st.value.catalogReady -> {
                    Text(s.catalogMissing)
                    Button(onUpdate, Modifier.fillMaxWidth(), enabled = !state.updating) { Text(s.updateCatalog) }
                }
                st.value.products.isEmpty() -> Text(if (st.value.searching) s.noResults else s.noSuggestions)
                else -> {
                    if (!st.value.searching) Text(s.suggested, style = MaterialTheme.typography.titleMedium)
                    LazyColumn(verticalArrangement = Arrangement.spacedBy(8.dp)) {
                        items(st.value.products, key = { it.sku }) { ProductRow(it, onOpen) }
                    }
                }
            }
        }
    }
}

@Composable
internal fun ProductRow(card: ProductCard, onOpen: (String) -> Unit) {
    val s = LocalStrings.current
    Card(Modifier.fillMaxWidth().heightIn(min = 48.dp).clickable { onOpen(card.sku) }) {
        Row(Modifier.padding(12.dp), verticalAlignment = Alignment.CenterVertically) {
            Column(Modifier.weight(1f)) {
                Text(card.name, style = MaterialTheme.typography.titleMedium)
                availability(card)?.let { Text(s.availability(it), color = MaterialTheme.colorScheme.error) }
            }
            Text(card.priceText, style = MaterialTheme.typography.titleMedium)
        }
    }
}

/** Why a product cannot be bought now, or null when it can. */
private fun availability(card: ProductCard): Availability? = when {
    card.discontinued -> Availability.Discontinued
    !card.inStock -> Availability.OutOfStock
    else -> null
}

enum class Availability { OutOfStock, Discontinued }

/**
 * The product page: what it is, whether it suits her now (with the cited
 * reason when it does not), where it comes from, and "Add to cart" with the
 * quantity the core offers.
 */
@Composable
fun ProductContent(
    state: Loadable<ProductPage>,
    problem: Problem?,
    onAdd: () -> Unit,
    onCart: () -> Unit,
    modifier: Modifier = Modifier,
) {
    val s = LocalStrings.current
    Column(
        modifier.fillMaxWidth().verticalScroll(rememberScrollState()).padding(16.dp),
        verticalArrangement = Arrangement.spacedBy(12.dp),
    ) {
        when (state) {
            is Loadable.Loading -> Text(s.loading)
            is Loadable.Failed -> Text(s.problem(state.error), color = MaterialTheme.colorScheme.error)
            is Loadable.Ready -> {
                val page = state.value
                Text(page.card.name, style = MaterialTheme.typography.headlineSmall, modifier = Modifier.semantics { heading() })
                Text(page.card.priceText, style = MaterialTheme.typography.titleLarge)
                availability(page.card)?.let { Text(s.availability(it), color = MaterialTheme.colorScheme.error) }
                if (!page.suitsNow) Text(s.notForNow)
                page.warnings.forEach { w ->
                    Card(Modifier.fillMaxWidth()) {
                        Column(Modifier.padding(12.dp), verticalArrangement = Arrangement.spacedBy(4.dp)) {
                            Text(w.message, color = MaterialTheme.colorScheme.error)
                            Text(s.source(w.source), style = MaterialTheme.typography.bodySmall)
                        }
                    }
                }
                if (page.description.isNotBlank()) Text(page.description)
                Text(s.quantityRule(page.qtyMin, page.qtyMax, page.qtyStep), style = MaterialTheme.typography.bodySmall)
                problem?.let { Text(s.problem(it), color = MaterialTheme.colorScheme.error) }
                val add = page.addQty
                Button(onAdd, Modifier.fillMaxWidth(), enabled = add != null) {
                    Text(if (add != null) s.addToCart(add) else s.cannotAdd)
                }
                if (page.inCart > 0u) {
                    Row(verticalAlignment = Alignment.CenterVertically) {
                        Text(s.inCart(page.inCart), Modifier.weight(1f))
                        OutlinedButton(onCart) { Text(s.cart) }
                    }
                }
                Spacer(Modifier.heightIn(min = 4.dp))
                Text(s.traceability, style = MaterialTheme.typography.titleMedium, modifier = Modifier.semantics { heading() })
                val t = page.traceability
                Fact(s.batch, t.batch)
                Fact(s.origin, t.origin)
                Fact(s.qualityReport, t.qualityReport)
                if (t.coldChain) Text(s.coldChain)
            }
        }
    }
}

@Composable
private fun Fact(label: String, value: String) {
    Row(Modifier.fillMaxWidth()) {
        Text(label, Modifier.weight(1f), style = MaterialTheme.typography.bodyMedium)
        Text(value, style = MaterialTheme.typography.bodyMedium)
    }
}
