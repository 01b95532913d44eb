package org.cradle.app

import android.app.Activity
import android.content.Context
import android.print.PrintAttributes
import android.print.PrintManager
import android.webkit.WebView
import android.webkit.WebViewClient
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import androidx.compose.ui.viewinterop.AndroidView

/**
 * Prints the core's clinic summary through Android's print framework, whose
 * "Save as PDF" printer makes the PDF. The WebView is kept until the page has
 * loaded and the print job holds its adapter (Android's documented pattern).
 */
class HtmlPrinter(private val activity: Activity) {
    private var loading: WebView? = null

    fun print(html: String) {
        val view = WebView(activity)
        view.webViewClient = object : WebViewClient() {
            override fun onPageFinished(page: WebView, url: String?) {
                val job = activity.getString(R.string.clinic_print_job)
                val printer = activity.getSystemService(Context.PRINT_SERVICE) as PrintManager
                printer.print(job, page.createPrintDocumentAdapter(job), PrintAttributes.Builder().build())
                loading = null
            }
        }
        loading = view
        // Static HTML from the core: no JavaScript, no network.
        view.loadDataWithBaseURL(null, html, "text/html", "UTF-8", null)
    }
}

/** The summary as it will print, in a WebView with JavaScript off. */
@Composable
fun HtmlPreview(html: String, modifier: Modifier) {
    AndroidView(
        factory = { WebView(it).apply { settings.javaScriptEnabled = false } },
        update = { it.loadDataWithBaseURL(null, html, "text/html", "UTF-8", null) },
        modifier = modifier,
    )
}
