/**
 * Runs before paint: a dismissed notice never flashes on later pages. A constructed style sheet,
 * not a <style> element, so that the page's Content-Security-Policy needs no inline style.
 */
export const hideDismissedNoticeScript = `try{var d=JSON.parse(localStorage.getItem('dismissed-notices')||'[]');if(d.length){var s=new CSSStyleSheet();s.replaceSync(d.map(function(i){return '[data-notice-id="'+String(i).replace(/[^\\w-]/g,'')+'"]{display:none!important}'}).join(''));document.adoptedStyleSheets=document.adoptedStyleSheets.concat(s)}}catch(e){}`;
