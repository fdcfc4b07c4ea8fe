import './noEval'
import { render } from 'solid-js/web'
import { App } from './App'
import { lang } from './i18n/i18n'
import './styles.css'

document.documentElement.lang = lang()
render(() => <App />, document.getElementById('app')!)
